import { isNotFound } from './meili.ts';
import type { SearchIndex } from './search-index.ts';
import type { SyncQueue } from './queue.ts';
import type { DocumentState } from '@stackguide/contracts/search-sync-admin';

export type { DocumentState } from '@stackguide/contracts/search-sync-admin';

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
  if (item)
    return { state: 'queued', indexedUpdatedAt, queuedSince: iso(item.firstEnqueuedAt), error: item.lastError ?? dead?.error ?? null };
  if (dead) return { state: 'failed', indexedUpdatedAt, queuedSince: null, error: dead.error };
  return { state: doc ? 'indexed' : 'absent', indexedUpdatedAt, queuedSince: null, error: null };
}
