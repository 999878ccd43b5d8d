import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import {
  INDEX_UID,
  INDEX_UIDS,
  type IndexUid,
  PAGES_INDEX_UID,
  PRIMARY_KEY,
  SALARIES_INDEX_UID,
  type SearchDocument,
} from '@stackguide/contracts/search-index';
import { toSearchDocument } from './document.ts';
import { byVectorCount, type DocumentVectors } from './document-vectors.ts';
import { MeiliTaskError, describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import { indexSettings, indexUids, waitOk } from './meili.ts';
import { pageDocuments } from './page-documents.ts';
import type { SyncQueue } from './queue.ts';
import type { CmsReader } from './cms-reader.ts';
import type { IndexStamps } from './reconcile.ts';
import { readVocabulary, vocabularySettings } from './vocabulary.ts';
import type { ReindexProgress } from '@stackguide/contracts/search-sync-admin';

export type { ReindexProgress } from '@stackguide/contracts/search-sync-admin';

export const REINDEX_KEY = 'reindex';

/** A finished reindex, and what the swapped-in indexes held at the swap (id → updatedAt per index). */
export type ReindexOutcome = { progress: ReindexProgress; loaded: IndexStamps };

/** Documents per Meilisearch task while loading the fresh index. */
const DOCUMENTS_PER_TASK = 1000;
/**
 * Vectors per task at most: an article has one per section besides its whole's, and 1,000 long
 * articles' vectors as JSON would near Meilisearch's 100 MB payload limit.
 */
const VECTORS_PER_TASK = 5000;

/** Names this module gives its temporary indexes: `<index>_<milliseconds>`, e.g. `articles_1767225600000`. */
const TEMP_INDEX = new RegExp(`^(${INDEX_UIDS.join('|')})_\\d+$`);

/**
 * Deletes temporary indexes a killed reindex left behind (each holds a full copy of an index).
 * Reindexes run one at a time, so any such index other than ours is abandoned.
 */
async function deleteLeftovers(meili: Meilisearch, keep: Set<string>, log: Logger): Promise<void> {
  for (const uid of await indexUids(meili)) {
    if (keep.has(uid) || !TEMP_INDEX.test(uid)) continue;
    await waitOk(meili.deleteIndex(uid));
    log.warn({ index: uid }, 'deleted the temporary index of an interrupted reindex');
  }
}

/**
 * Rebuilds every index without downtime: fills `<index>_<timestamp>` for each (settings and the
 * editors' vocabulary applied first) with every published article, role page, skill page and salary
 * band, then swaps them all in with one atomic swap (renaming those that do not exist yet) and
 * deletes the old ones. Searches hit the complete old indexes until the swap. Temporary indexes of
 * interrupted earlier runs are deleted first; run one reindex at a time. Progress goes to
 * `onProgress` and, when a queue is given, to its meta table for `status`. Returns the final
 * progress and the stamps of what it loaded.
 * @throws StrapiError or Meilisearch errors; the fresh indexes are deleted on failure.
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
  const startedAt = Date.now();
  const fresh = (uid: IndexUid) => `${uid}_${startedAt}`;
  const progress: ReindexProgress = {
    state: 'loading',
    index: fresh(INDEX_UID),
    done: 0,
    total: 0,
    startedAt: new Date(startedAt).toISOString(),
  };
  const report = () => {
    deps.queue?.setMeta(REINDEX_KEY, progress);
    deps.onProgress?.({ ...progress });
  };
  report();
  // Strapi serves the first pages while Meilisearch creates the indexes and applies the settings.
  const articlePages = strapi.publishedArticles();
  const firstPage = articlePages.next();
  firstPage.catch(() => undefined);
  const roleAndSkills = Promise.all([strapi.publishedPages('role'), strapi.publishedPages('skill')]);
  roleAndSkills.catch(() => undefined);
  try {
    await deleteLeftovers(meili, new Set(INDEX_UIDS.map(fresh)), log);
    // Tasks are not waited for one by one: each is sent once Meilisearch has accepted the one before
    // (it runs an index's tasks in that order), and all are checked before the swap. First the indexes,
    // their settings and the editors' vocabulary (stop words shape what gets indexed; searches after the
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
    for (const uid of INDEX_UIDS) {
      await send(meili.createIndex(fresh(uid), { primaryKey: PRIMARY_KEY }));
      await send(meili.index(fresh(uid)).updateSettings({ ...indexSettings(uid, deps.vectors?.settings), ...vocabulary }));
    }
    log.info(
      { indexes: INDEX_UIDS.map(fresh), synonymTerms: Object.keys(vocabulary.synonyms).length, stopWords: vocabulary.stopWords.length },
      'fresh indexes set up with the search vocabulary',
    );
    const loaded: IndexStamps = { [INDEX_UID]: new Map(), [PAGES_INDEX_UID]: new Map(), [SALARIES_INDEX_UID]: new Map() };
    // Roles and skills are few: each index gets their documents in one task.
    const [roles, skills] = await roleAndSkills;
    const rolePages = pageDocuments('role', roles);
    const small = {
      [PAGES_INDEX_UID]: [...rolePages.pages, ...pageDocuments('skill', skills).pages],
      [SALARIES_INDEX_UID]: rolePages.salaries,
    };
    for (const [uid, docs] of Object.entries(small) as [IndexUid, { id: string; updatedAt: number }[]][]) {
      if (docs.length > 0) await send(meili.index(fresh(uid)).addDocuments(docs, { primaryKey: PRIMARY_KEY }));
      for (const doc of docs) loaded[uid].set(doc.id, doc.updatedAt);
      progress.done += docs.length;
    }
    const smallTotal = progress.done;
    const articles = meili.index<SearchDocument>(fresh(INDEX_UID));
    let chunk: SearchDocument[] = [];
    const sendChunk = async () => {
      if (chunk.length === 0) return;
      // Vectors come from the store for text embedded before, so only new text costs embedding time.
      const runs = deps.vectors ? byVectorCount(await deps.vectors.attach(chunk), VECTORS_PER_TASK) : [chunk];
      for (const documents of runs) await send(articles.addDocuments(documents, { primaryKey: PRIMARY_KEY }));
      chunk = [];
    };
    for (let next = await firstPage; !next.done; next = await articlePages.next()) {
      const page = next.value;
      progress.total = smallTotal + page.total;
      for (const doc of page.items.map(toSearchDocument)) {
        chunk.push(doc);
        loaded[INDEX_UID].set(doc.id, doc.updatedAt);
      }
      // The first page goes alone so Meilisearch starts at once; it merges what arrives meanwhile.
      if (chunk.length >= DOCUMENTS_PER_TASK || progress.done === smallTotal) await sendChunk();
      progress.done += page.items.length;
      report();
    }
    await sendChunk();
    progress.total = Math.max(progress.total, progress.done);
    progress.state = 'indexing';
    report();
    // Every task is checked, not just the last: one failed task must fail the reindex.
    for (const task of pending) await waitOk(task, { untilDone: true });
    progress.state = 'swapping';
    report();
    await swapIn(meili, fresh);
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
    for (const uid of INDEX_UIDS) await waitOk(meili.deleteIndex(fresh(uid))).catch(() => undefined);
    throw err;
  } finally {
    await articlePages.return(undefined);
  }
}

/**
 * Swaps every fresh index with its live one in one task, which Meilisearch applies to all pairs or
 * to none; a live index that does not exist yet is renamed into place instead. The fresh names then
 * hold the old documents and are deleted.
 */
async function swapIn(meili: Meilisearch, fresh: (uid: IndexUid) => string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const existing = await indexUids(meili);
    try {
      await waitOk(meili.swapIndexes(INDEX_UIDS.map((uid) => ({ indexes: [fresh(uid), uid], rename: !existing.has(uid) }))));
      break;
    } catch (err) {
      // A live index appeared meanwhile (the service created it): swap with it instead.
      if (!(err instanceof MeiliTaskError) || attempt > 1) throw err;
    }
  }
  const left = await indexUids(meili);
  for (const uid of INDEX_UIDS) if (left.has(fresh(uid))) await waitOk(meili.deleteIndex(fresh(uid)));
}
