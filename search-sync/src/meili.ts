import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Settings,
  type Task,
} from 'meilisearch';
import { INDEX_SETTINGS } from '@stackguide/contracts/index-settings';
import { EMBEDDER, embedderSettings, INDEX_UID, INDEX_UIDS, type IndexUid, PRIMARY_KEY } from '@stackguide/contracts/search-index';
import { MEILI_REQUEST_HEADERS } from '@stackguide/contracts/meili-requests';
import type { Config } from './config.ts';
import { MeiliTaskError } from './errors.ts';

/** How long to wait for one task; indexing a few thousand articles takes well under this. */
const TASK_TIMEOUT_MS = 120_000;
/** Meilisearch client with the master key (never leaves this service). */
export function createMeili(url: string, masterKey: string): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey: masterKey,
    requestInit: { headers: { ...MEILI_REQUEST_HEADERS } },
    timeout: 30_000,
    defaultWaitOptions: { timeout: TASK_TIMEOUT_MS, interval: 50 },
  });
}

/**
 * The contract's settings of index `uid` as the client's mutable Settings type; the `articles` index
 * gets the embedder when semantic search is on (pages and salaries are keyword-only).
 */
export function indexSettings(uid: IndexUid = INDEX_UID, embedder?: Config['embedder']): Settings {
  const settings = structuredClone(INDEX_SETTINGS[uid]) as unknown as Settings;
  if (uid !== INDEX_UID || !embedder) return settings;
  return { embedders: embedderSettings(embedder.url, embedder.apiKey) as Settings['embedders'], ...settings };
}

/**
 * Waits for an enqueued task and checks its outcome. With `untilDone`, a wait that outlasts the
 * client's timeout goes on while the task is still enqueued or processing: a reindex's last batches
 * of a large archive wait behind minutes of indexing, and giving up then threw away a reindex
 * Meilisearch was about to finish. An unreachable Meilisearch still fails the wait.
 * @throws MeiliTaskError when the task failed or was canceled; the client's errors when unreachable.
 */
export async function waitOk(
  enqueued: EnqueuedTaskPromise,
  opts: { interval?: number; timeoutMs?: number; untilDone?: boolean } = {},
): Promise<Task> {
  const wait = { ...(opts.interval ? { interval: opts.interval } : {}), ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}) };
  let task: Task | undefined;
  while (!task)
    try {
      task = await enqueued.waitTask(wait);
    } catch (err) {
      if (!(opts.untilDone && err instanceof MeilisearchTaskTimeOutError)) throw err;
    }
  if (task.status !== 'succeeded') {
    const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
    throw new MeiliTaskError(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${reason}`,
      task.uid,
      task.status,
      task.error?.code,
    );
  }
  return task;
}

/** True when the error says the index (or document) does not exist. */
export function isNotFound(err: unknown): boolean {
  return err instanceof MeilisearchApiError && err.response.status === 404;
}

/**
 * Uids of every index. Asking for one index that does not exist makes Meilisearch log a
 * warning-level line for the 404, so existence is looked up in this list instead.
 */
export async function indexUids(meili: Meilisearch): Promise<Set<string>> {
  const uids = new Set<string>();
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const { results, total } = await meili.getRawIndexes({ limit, offset });
    for (const { uid } of results) uids.add(uid);
    if (results.length === 0 || offset + limit >= total) return uids;
  }
}

/**
 * Creates `uid` with the primary key when missing, then applies the settings of `kind` (the index
 * whose shape it holds; `uid` itself by default) and waits. The embedder joins only an `articles`
 * index without documents: added to one that has some, Meilisearch would embed every one of them
 * itself in one long task that holds back every publish (and fails while the embedder is down).
 * Returns false when that is the case: a reindex then builds the index with it.
 * @throws MeiliTaskError when a task fails.
 */
export async function ensureIndex(
  meili: Meilisearch,
  uid: string = INDEX_UID,
  embedder?: Config['embedder'],
  kind: IndexUid = (INDEX_UIDS as readonly string[]).includes(uid) ? (uid as IndexUid) : INDEX_UID,
): Promise<boolean> {
  if (!(await indexUids(meili)).has(uid)) {
    await waitOk(meili.createIndex(uid, { primaryKey: PRIMARY_KEY })).catch((e: unknown) => {
      // Another process may have created it meanwhile.
      if (!(e instanceof MeiliTaskError && e.code === 'index_already_exists')) throw e;
    });
  }
  const index = meili.index(uid);
  const wanted = kind === INDEX_UID ? embedder : undefined;
  const lacking =
    wanted !== undefined && !(EMBEDDER in ((await index.getEmbedders()) ?? {})) && (await index.getStats()).numberOfDocuments > 0;
  await waitOk(index.updateSettings(indexSettings(kind, lacking ? undefined : wanted)));
  return !lacking;
}

/**
 * Ensures every index of the contract (ensureIndex); the embedder goes to `articles` only.
 * Returns false when `articles` lacks an embedder it should have (see ensureIndex).
 * @throws MeiliTaskError when a task fails.
 */
export async function ensureIndexes(meili: Meilisearch, embedder?: Config['embedder']): Promise<boolean> {
  let complete = true;
  for (const uid of INDEX_UIDS) complete = (await ensureIndex(meili, uid, embedder)) && complete;
  return complete;
}
