import type { BuildHook } from './build-hook.ts';
import type { CmsReader } from './cms-reader.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex } from './search-index.ts';
import { type PageEntry, type PageKind, pageDocuments } from './page-documents.ts';
import type { PageIndexes } from './page-index.ts';
import type { QueueItem, SyncQueue } from './queue.ts';
import { isRejection } from './retry-policy.ts';
import { articlesToRecheck, type PageNaming } from './relation-recheck.ts';

export type PageChangeDeps = {
  strapi: CmsReader;
  index: SearchIndex;
  pageIndexes: PageIndexes;
  queue: SyncQueue;
  log: Logger;
  buildHook?: BuildHook;
};

/**
 * Applies queued role or skill changes: writes their own documents (pages, a role's salary bands)
 * from the CMS's published state, then has the articles naming each one re-read. Completes each
 * item it applied; hands the others to `fail` with the cause.
 */
export async function applyPageChanges(
  deps: PageChangeDeps,
  kind: PageKind,
  items: QueueItem[],
  fail: (item: QueueItem, err: unknown) => void,
): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((item) => item.documentId);
  let found: Map<string, PageEntry<PageKind>>;
  try {
    found = await deps.strapi.getPublishedPages(kind, ids);
    const changes = await deps.pageIndexes.apply(kind, ids, pageDocuments(kind, found.values()));
    deps.log.info({ kind, items: items.length, ...changes }, 'applied role and skill pages to the index');
  } catch (err) {
    if (isRejection(err) && items.length > 1) {
      for (const item of items) await applyPageChanges(deps, kind, [item], fail);
      return;
    }
    for (const item of items) fail(item, err);
    return;
  }
  for (const item of items) {
    try {
      await expandRelation(deps, kind, item, found.get(item.documentId));
    } catch (err) {
      fail(item, err);
    }
  }
}

/** Has the articles re-read whose documents do not yet name the page as `page` (undefined: unpublished) names it. */
async function expandRelation(deps: PageChangeDeps, kind: PageKind, item: QueueItem, page: PageNaming | undefined): Promise<void> {
  const { strapi, index, queue, log } = deps;
  const ids = await strapi.articlesReferencing(kind, item.documentId);
  // A deleted role/skill is no longer referenced in Strapi; the index still knows its articles.
  if (item.hint) ids.push(...(await index.idsMatching(kind === 'role' ? 'roles' : 'skills', item.hint)));
  const stale = await articlesToRecheck(index, kind, page, ids);
  queue.enqueue(stale.map((documentId) => ({ kind: 'article' as const, documentId })));
  // The site shows more of a role or skill than the index holds (salary bands, descriptions):
  // every saved change reaches it, whether or not an indexed article changes with it.
  deps.buildHook?.changed([{ kind, documentId: item.documentId }]);
  queue.complete(item);
  log.info(
    { kind, documentId: item.documentId, articles: stale.length, current: new Set(ids).size - stale.length },
    'queued articles referencing changed relation',
  );
}
