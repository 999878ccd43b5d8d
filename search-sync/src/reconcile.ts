import { INDEX_UID, INDEX_UIDS, type IndexUid, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import type { ReconcileResult } from '@stackguide/contracts/search-sync-admin';
import { unixSeconds } from './document.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex, Stamps } from './search-index.ts';
import type { PageIndexes } from './page-index.ts';
import { type PageDocuments, pageDocuments } from './page-documents.ts';
import type { Enqueue, SyncQueue } from './queue.ts';
import type { CmsReader } from './cms-reader.ts';
import { VOCABULARY_ITEM } from './vocabulary.ts';

export type { ReconcileResult } from '@stackguide/contracts/search-sync-admin';

export const LAST_RECONCILE_KEY = 'lastReconcile';

/** documentId → updatedAt of every document, per index. */
export type IndexStamps = Record<IndexUid, Stamps>;

/** What a reconcile found, and Strapi's side of it: what the indexes hold once the repairs are applied. */
export type ReconcileOutcome = { result: ReconcileResult; published: IndexStamps };

export type ReconcileDeps = { strapi: CmsReader; index: SearchIndex; pageIndexes: PageIndexes; queue: SyncQueue; log: Logger };

/** The queue item that re-checks the CMS document an indexed document comes from. */
type Source = Enqueue & { kind: 'article' | 'role' | 'skill' };

const key = (source: Source) => `${source.kind}:${source.documentId}`;

/** What the CMS publishes now, as the documents each index should hold and the item behind each. */
async function expected(strapi: CmsReader): Promise<{ stamps: IndexStamps; sources: Map<string, Source>; cmsDocuments: number }> {
  const [articles, roles, skills] = await Promise.all([
    strapi.publishedStamps(),
    strapi.publishedPages('role'),
    strapi.publishedPages('skill'),
  ]);
  const stamps: IndexStamps = { [INDEX_UID]: new Map(), [PAGES_INDEX_UID]: new Map(), [SALARIES_INDEX_UID]: new Map() };
  const sources = new Map<string, Source>();
  const add = (uid: IndexUid, id: string, updatedAt: number, source: Source) => {
    stamps[uid].set(id, updatedAt);
    sources.set(`${uid}/${id}`, source);
  };
  for (const a of articles) add(INDEX_UID, a.documentId, unixSeconds(a.updatedAt), { kind: 'article', documentId: a.documentId });
  const pages: PageDocuments[] = [pageDocuments('role', roles), pageDocuments('skill', skills)];
  for (const { pages: pageDocs, salaries } of pages) {
    for (const d of pageDocs) add(PAGES_INDEX_UID, d.id, d.updatedAt, { kind: d.type, documentId: d.documentId });
    for (const d of salaries) add(SALARIES_INDEX_UID, d.id, d.updatedAt, { kind: 'role', documentId: d.documentId });
  }
  return { stamps, sources, cmsDocuments: articles.length + roles.length + skills.length };
}

/** The items behind indexed documents the CMS no longer publishes, read from the documents themselves. */
async function orphanSources(deps: ReconcileDeps, uid: IndexUid, ids: string[]): Promise<Source[]> {
  if (ids.length === 0) return [];
  if (uid === INDEX_UID) return ids.map((documentId) => ({ kind: 'article', documentId }));
  if (uid === PAGES_INDEX_UID)
    return [...(await deps.pageIndexes.pages.held(ids)).values()].map((d) => ({ kind: d.type, documentId: d.documentId }));
  return [...(await deps.pageIndexes.salaries.held(ids)).values()].map((d) => ({ kind: 'role', documentId: d.documentId }));
}

/** documentId → updatedAt of every document in every index. */
export async function indexedStamps(deps: Pick<ReconcileDeps, 'index' | 'pageIndexes'>): Promise<IndexStamps> {
  const [articles, pages, salaries] = await Promise.all([
    deps.index.stamps(),
    deps.pageIndexes.pages.stamps(),
    deps.pageIndexes.salaries.stamps(),
  ]);
  return { [INDEX_UID]: articles, [PAGES_INDEX_UID]: pages, [SALARIES_INDEX_UID]: salaries };
}

/**
 * Compares what Strapi publishes (articles, roles, skills) with what each index holds (id,
 * updatedAt) and queues the article, role or skill behind every difference, every article still
 * owed its vector, plus a check of the editors' vocabulary (cheap when unchanged). Orphans are
 * queued too rather than deleted here: the processor re-checks Strapi, so a document published while
 * this ran is not removed by mistake. `indexed`, when given, stands in for reading the indexes: a
 * reindex knows what it just loaded, and reading every document back would cost Meilisearch more.
 * @throws StrapiError or Meilisearch errors when either side cannot be read.
 */
export async function reconcile(deps: ReconcileDeps, indexed?: IndexStamps): Promise<ReconcileOutcome> {
  const startedAt = new Date().toISOString();
  const [wanted, held] = await Promise.all([expected(deps.strapi), indexed ?? indexedStamps(deps)]);
  const queued = new Map<string, Source>();
  const counts = { indexed: 0, missing: 0, stale: 0, orphans: 0 };
  for (const uid of INDEX_UIDS) {
    const inIndex = held[uid];
    counts.indexed += inIndex.size;
    for (const [id, updatedAt] of wanted.stamps[uid]) {
      const stamp = inIndex.get(id);
      if (stamp === updatedAt) continue;
      counts[stamp === undefined ? 'missing' : 'stale'] += 1;
      const source = wanted.sources.get(`${uid}/${id}`)!;
      queued.set(key(source), source);
    }
    const orphans = [...inIndex.keys()].filter((id) => !wanted.stamps[uid].has(id));
    counts.orphans += orphans.length;
    for (const source of await orphanSources(deps, uid, orphans)) queued.set(key(source), source);
  }
  // Written without their vector while the embedder was unavailable: written again once it answers.
  const unembedded = deps.index.vectors && (await deps.index.vectors.healthy()) ? deps.index.vectors.owed() : [];
  for (const documentId of unembedded) {
    const source: Source = { kind: 'article', documentId };
    queued.set(key(source), source);
  }
  deps.queue.enqueue([...queued.values(), VOCABULARY_ITEM]);
  const result: ReconcileResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    published: INDEX_UIDS.reduce((sum, uid) => sum + wanted.stamps[uid].size, 0),
    ...counts,
    watermark: deps.queue.watermark(),
  };
  deps.queue.setMeta(LAST_RECONCILE_KEY, result);
  deps.log.info({ ...result, cmsDocuments: wanted.cmsDocuments, unembedded: unembedded.length }, 'reconcile done');
  return { result, published: wanted.stamps };
}
