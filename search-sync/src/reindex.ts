import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import { INDEX_UID, PRIMARY_KEY, type SearchDocument } from '@stackguide/contracts/search-index';
import { toSearchDocument } from './document.ts';
import type { DocumentVectors } from './document-vectors.ts';
import { MeiliTaskError, describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import { indexSettings, indexUids, waitOk, type Stamps } from './meili.ts';
import type { SyncQueue } from './queue.ts';
import type { CmsReader } from './cms-reader.ts';
import { readVocabulary, vocabularySettings } from './vocabulary.ts';
import type { ReindexProgress } from '@stackguide/contracts/search-sync-admin';

export type { ReindexProgress } from '@stackguide/contracts/search-sync-admin';

export const REINDEX_KEY = 'reindex';

/** A finished reindex, and what the swapped-in index held at the swap (documentId → updatedAt). */
export type ReindexOutcome = { progress: ReindexProgress; loaded: Stamps };

/** Documents per Meilisearch task while loading the fresh index. */
const DOCUMENTS_PER_TASK = 1000;

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
 * Returns the final progress and the stamps of what it loaded.
 * @throws StrapiError or Meilisearch errors; the fresh index is deleted on failure.
 */
export async function reindex(deps: {
  meili: Meilisearch;
  strapi: CmsReader;
  log: Logger;
  queue?: SyncQueue;
  onProgress?: (p: ReindexProgress) => void;
  /** Semantic search: the embedder in the fresh index's settings, and every document's vector. */
  vectors?: DocumentVectors;
}): Promise<ReindexOutcome> {
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
  // Strapi serves the first pages while Meilisearch creates the index and applies the settings.
  const pages = strapi.publishedArticles();
  const firstPage = pages.next();
  firstPage.catch(() => undefined);
  try {
    await deleteLeftovers(meili, progress.index, log);
    const fresh = meili.index<SearchDocument>(progress.index);
    // Tasks are not waited for one by one: each is sent once Meilisearch has accepted the one before
    // (it runs an index's tasks in that order), and all are checked before the swap. First the index,
    // its settings and the editors' vocabulary (stop words shape what gets indexed; searches after the
    // swap need the synonyms), then the documents, sent on while the next page is fetched so Strapi,
    // this process and Meilisearch all work at once. Documents go in chunks of a thousand, not page
    // by page: each indexing batch costs Meilisearch a fixed amount of work on the whole index, so a
    // few big batches finish sooner than many small ones (it merges waiting additions, but not the first).
    const pending: EnqueuedTaskPromise[] = [];
    const send = async (task: EnqueuedTaskPromise) => {
      await task;
      pending.push(task);
    };
    const vocabulary = vocabularySettings(await readVocabulary(strapi));
    await send(meili.createIndex(progress.index, { primaryKey: PRIMARY_KEY }));
    await send(fresh.updateSettings({ ...indexSettings(deps.vectors?.settings), ...vocabulary }));
    log.info(
      { index: progress.index, synonymTerms: Object.keys(vocabulary.synonyms).length, stopWords: vocabulary.stopWords.length },
      'fresh index set up with the search vocabulary',
    );
    let chunk: SearchDocument[] = [];
    const loaded: Stamps = new Map();
    const sendChunk = async () => {
      if (chunk.length === 0) return;
      // Vectors come from the store for text embedded before, so only new text costs embedding time.
      const documents = deps.vectors ? await deps.vectors.attach(chunk) : chunk;
      await send(meili.index(progress.index).addDocuments(documents, { primaryKey: PRIMARY_KEY }));
      chunk = [];
    };
    for (let next = await firstPage; !next.done; next = await pages.next()) {
      const page = next.value;
      progress.total = page.total;
      for (const doc of page.items.map(toSearchDocument)) {
        chunk.push(doc);
        loaded.set(doc.id, doc.updatedAt);
      }
      // The first page goes alone so Meilisearch starts at once; it merges what arrives meanwhile.
      if (chunk.length >= DOCUMENTS_PER_TASK || progress.done === 0) await sendChunk();
      progress.done += page.items.length;
      report();
    }
    await sendChunk();
    // Every task is checked, not just the last: one failed task must fail the reindex.
    for (const task of pending) await waitOk(task);
    progress.state = 'swapping';
    report();
    await swapIn(meili, progress.index);
    progress.state = 'done';
    progress.finishedAt = new Date().toISOString();
    report();
    log.info({ documents: progress.done }, 'reindex done');
    return { progress, loaded };
  } catch (err) {
    progress.state = 'failed';
    progress.error = describeError(err);
    progress.finishedAt = new Date().toISOString();
    report();
    await waitOk(meili.deleteIndex(progress.index)).catch(() => undefined);
    throw err;
  } finally {
    await pages.return(undefined);
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
