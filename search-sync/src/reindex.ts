import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import { INDEX_UID, PRIMARY_KEY, type SearchDocument } from './contract.ts';
import { toSearchDocument } from './document.ts';
import { MeiliTaskError, describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import { ensureIndex, indexUids, waitOk } from './meili.ts';
import type { SyncQueue } from './queue.ts';
import type { StrapiClient } from './strapi-client.ts';
import { applyVocabulary } from './vocabulary.ts';

export type ReindexProgress = {
  state: 'loading' | 'swapping' | 'done' | 'failed';
  /** The fresh index being filled. */
  index: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
};

export const REINDEX_KEY = 'reindex';

/** Names this module gives its temporary indexes: `articles_<milliseconds>`. */
const TEMP_INDEX = new RegExp(`^${INDEX_UID}_\\d+$`);

/**
 * Deletes temporary indexes a killed reindex left behind (each holds a full copy of the articles).
 * Reindexes run one at a time, so any such index other than ours is abandoned.
 */
async function deleteLeftovers(meili: Meilisearch, keep: string, log: Logger): Promise<void> {
  for (const uid of await indexUids(meili)) {
    if (uid === keep || !TEMP_INDEX.test(uid)) continue;
    await waitOk(meili.deleteIndex(uid));
    log.warn({ index: uid }, 'deleted the temporary index of an interrupted reindex');
  }
}

/**
 * Rebuilds the index without downtime: fills `articles_<timestamp>` with every published article
 * (settings and the editors' vocabulary applied first), then swaps it with `articles` in one
 * atomic step (or renames it when `articles` does not exist yet) and deletes the old one. Searches hit the complete old index until the swap.
 * Temporary indexes of interrupted earlier runs are deleted first; run one reindex at a time.
 * Progress goes to `onProgress` and, when a queue is given, to its meta table for `status`.
 * @throws StrapiError or Meilisearch errors; the fresh index is deleted on failure.
 */
export async function reindex(deps: {
  meili: Meilisearch;
  strapi: StrapiClient;
  log: Logger;
  queue?: SyncQueue;
  onProgress?: (p: ReindexProgress) => void;
}): Promise<ReindexProgress> {
  const { meili, strapi, log } = deps;
  const progress: ReindexProgress = {
    state: 'loading',
    index: `${INDEX_UID}_${Date.now()}`,
    done: 0,
    total: 0,
    startedAt: new Date().toISOString(),
  };
  const report = () => {
    deps.queue?.setMeta(REINDEX_KEY, progress);
    deps.onProgress?.({ ...progress });
  };
  report();
  try {
    await deleteLeftovers(meili, progress.index, log);
    await ensureIndex(meili, progress.index);
    // Before the documents: stop words shape what gets indexed, and searches after the swap need the synonyms.
    await applyVocabulary({ meili, strapi, uid: progress.index, log });
    const fresh = meili.index<SearchDocument>(progress.index);
    // Pages are fetched a few at a time and their documents enqueued without waiting, so Strapi,
    // this process and Meilisearch (which batches consecutive additions) all work at once.
    const pending: EnqueuedTaskPromise[] = [];
    for await (const page of strapi.publishedArticlesConcurrently()) {
      progress.total = page.total;
      const docs: SearchDocument[] = page.items.map(toSearchDocument);
      const task = fresh.addDocuments(docs, { primaryKey: PRIMARY_KEY });
      await task;
      pending.push(task);
      progress.done += docs.length;
      report();
    }
    // Every task is checked, not just the last: one failed batch must fail the reindex.
    for (const task of pending) await waitOk(task);
    progress.state = 'swapping';
    report();
    await swapIn(meili, progress.index);
    progress.state = 'done';
    progress.finishedAt = new Date().toISOString();
    report();
    log.info({ documents: progress.done }, 'reindex done');
    return progress;
  } catch (err) {
    progress.state = 'failed';
    progress.error = describeError(err);
    progress.finishedAt = new Date().toISOString();
    report();
    await waitOk(meili.deleteIndex(progress.index)).catch(() => undefined);
    throw err;
  }
}

async function swapIn(meili: Meilisearch, fresh: string): Promise<void> {
  if (!(await indexUids(meili)).has(INDEX_UID)) {
    try {
      await waitOk(meili.swapIndexes([{ indexes: [fresh, INDEX_UID], rename: true }]));
      return;
    } catch (err) {
      // `articles` appeared meanwhile (the service created it): swap with it instead.
      if (!(err instanceof MeiliTaskError)) throw err;
    }
  }
  await waitOk(meili.swapIndexes([{ indexes: [INDEX_UID, fresh], rename: false }]));
  // After the swap `fresh` holds the old documents.
  await waitOk(meili.deleteIndex(fresh));
}
