import { isNotFound, type SearchIndex } from './meili.ts';
import type { SyncQueue } from './queue.ts';

/** Where one article stands in search, as the CMS's status panel shows it. */
export type DocumentState = {
  /** queued: a change waits to be applied; failed: in the dead letters; absent: neither indexed nor queued. */
  state: 'indexed' | 'queued' | 'failed' | 'absent';
  /** The article's updatedAt as the index holds it, or null when it is not in the index. */
  indexedUpdatedAt: string | null;
  /** When the waiting change was first queued, or null when nothing waits. */
  queuedSince: string | null;
  /** Why it failed, or why the waiting change's last attempt failed. */
  error: string | null;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The article's state from the queue database and the index. A queued change wins over a dead
 * letter: a new publish of a failed article retries it.
 * @throws client errors when Meilisearch is unreachable.
 */
export async function documentState(documentId: string, deps: { queue: SyncQueue; index: SearchIndex }): Promise<DocumentState> {
  const held = await deps.index.held([documentId]).catch((err: unknown) => {
    if (isNotFound(err)) return new Map();
    throw err;
  });
  const doc = held.get(documentId);
  const indexedUpdatedAt = doc ? iso(doc.updatedAt * 1000) : null;
  const dead = deps.queue.deadLetterOf('article', documentId);
  const item = deps.queue.queued('article', documentId);
  if (item) return { state: 'queued', indexedUpdatedAt, queuedSince: iso(item.firstEnqueuedAt), error: item.lastError ?? dead?.error ?? null };
  if (dead) return { state: 'failed', indexedUpdatedAt, queuedSince: null, error: dead.error };
  return { state: doc ? 'indexed' : 'absent', indexedUpdatedAt, queuedSince: null, error: null };
}
