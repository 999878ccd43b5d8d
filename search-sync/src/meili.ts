import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Settings,
  type Task,
} from 'meilisearch';
import {
  EMBEDDER,
  embedderSettings,
  type FacetName,
  INDEX_SETTINGS,
  INDEX_UID,
  INDEX_UIDS,
  type IndexUid,
  PRIMARY_KEY,
  type SearchDocument,
} from '@stackguide/contracts/search-index';
import { MEILI_REQUEST_HEADERS } from '@stackguide/contracts/meili-requests';
import type { Config } from './config.ts';
import { type DocumentVectors, vectorField } from './document-vectors.ts';
import { MeiliTaskError } from './errors.ts';

/** How long to wait for one task; indexing a few thousand articles takes well under this. */
const TASK_TIMEOUT_MS = 120_000;
/**
 * Live changes are a handful of documents that index in milliseconds; polling their task this
 * often keeps publish-to-searchable short. Bulk waits (reindex) keep the client's 50 ms default.
 */
const LIVE_POLL_MS = 10;
/** Documents fetched by id per request: the ids travel in the URL. */
const IDS_PER_REQUEST = 100;

/** documentId → updatedAt in Unix seconds, as the index stores them. */
export type Stamps = Map<string, number>;

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

/** Upserts and deletes documents of one index (`articles` unless named), waiting for each task. */
export class SearchIndex<T extends { id: string; updatedAt: number } = SearchDocument> {
  constructor(
    private readonly meili: Meilisearch,
    readonly uid: string = INDEX_UID,
    /** Semantic search's vectors, written with every article; undefined: keyword search only (and every other index). */
    readonly vectors?: DocumentVectors,
  ) {}

  /**
   * Writes the documents and returns once they are searchable. With vectors it takes two tasks: the
   * documents without them, then the vectors alone. Meilisearch indexes a document's words in a
   * fraction of the time it takes to place one vector among thousands, so a publish is found by its
   * words that much sooner; by meaning once the second task is done (an edited article is found by
   * its words alone in between).
   * @throws MeiliTaskError when a task fails; client errors when unreachable.
   */
  async upsert(docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    const index = this.meili.index(this.uid);
    const wait = { interval: LIVE_POLL_MS };
    if (!this.vectors) {
      await waitOk(index.addDocuments(docs, { primaryKey: PRIMARY_KEY }), wait);
      return;
    }
    // Only the articles index is given vectors, so its documents are SearchDocuments.
    const written = await this.vectors.attach(docs as unknown as SearchDocument[]);
    const words = written.map((doc) => ({ ...doc, _vectors: vectorField() }));
    await waitOk(index.addDocuments(words, { primaryKey: PRIMARY_KEY }), wait);
    // Enqueued only now: sent together, Meilisearch would index both tasks in one batch.
    const vectors = written.filter((doc) => doc._vectors[EMBEDDER].embeddings.length > 0).map(({ id, _vectors }) => ({ id, _vectors }));
    if (vectors.length === 0) return;
    try {
      await waitOk(index.updateDocuments(vectors, { primaryKey: PRIMARY_KEY }), wait);
    } catch (err) {
      // Their words are in, so a reconcile would find them current: only the debt brings the vectors back.
      this.vectors.owe(vectors.map(({ id }) => id));
      throw err;
    }
  }

  /** Whether the document was written without its vector (the embedder was unavailable). */
  owesVector(id: string): boolean {
    return this.vectors?.owes(id) ?? false;
  }

  /**
   * Deletes by id and returns how many documents were actually there.
   * @throws MeiliTaskError when the task fails; client errors when unreachable.
   */
  async delete(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const task = await waitOk(this.meili.index(this.uid).deleteDocuments(ids), { interval: LIVE_POLL_MS });
    this.vectors?.forget(ids);
    return task.details?.deletedDocuments ?? ids.length;
  }

  /**
   * The documents the index holds under these ids (absent ids are left out).
   * @throws client errors when Meilisearch is unreachable.
   */
  async held(ids: string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
      const chunk = ids.slice(i, i + IDS_PER_REQUEST);
      const page = await this.meili.index<T>(this.uid).getDocuments({ ids: chunk, limit: chunk.length });
      for (const d of page.results) out.set(String(d.id), d);
    }
    return out;
  }

  /**
   * Every document matching a filter (on an attribute the index's settings make filterable), with
   * only `fields` when given; none when the index does not exist.
   * @throws client errors when Meilisearch is unreachable or rejects the filter.
   */
  async where(filter: string, fields?: (keyof T & string)[]): Promise<T[]> {
    const limit = 10_000;
    const out: T[] = [];
    try {
      for (let offset = 0; ; offset += limit) {
        // The client types `fields` by the document's keys, which a generic T cannot prove.
        const page = await this.meili
          .index<T>(this.uid)
          .getDocuments({ filter, fields: fields as Extract<keyof T, string>[], limit, offset });
        out.push(...page.results);
        if (page.results.length < limit) return out;
      }
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }

  /** (id, updatedAt) of every document in the index; empty when the index does not exist. */
  async stamps(): Promise<Stamps> {
    const out: Stamps = new Map();
    if (!(await indexUids(this.meili)).has(this.uid)) return out;
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.meili.index<T>(this.uid).getDocuments({ fields: ['id', 'updatedAt'], limit, offset });
      for (const d of page.results) out.set(String(d.id), Number(d.updatedAt));
      if (page.results.length < limit) return out;
    }
  }

  /**
   * Whether `query` finds at least one article with every one of its words (typos, synonyms and stop
   * words apply as in visitors' searches), so words nothing contains cannot ride on one that finds.
   * @throws client errors when Meilisearch is unreachable or the index is missing.
   */
  async finds(query: string): Promise<boolean> {
    const { hits } = await this.meili.index(this.uid).search(query, { limit: 1, attributesToRetrieve: ['id'], matchingStrategy: 'all' });
    return hits.length > 0;
  }

  /** Ids of indexed articles whose roles (slugs) or skills (names) include one of these values. */
  async idsMatching(field: FacetName, value: string): Promise<string[]> {
    return (await this.where(`${field} = ${JSON.stringify(value)}`, ['id'])).map((d) => String(d.id));
  }
}
