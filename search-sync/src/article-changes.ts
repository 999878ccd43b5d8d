import type { FeedArticle } from '@stackguide/contracts/index-feed';
import type { SearchDocument } from '@stackguide/contracts/search-index';
import { StrapiError } from '@stackguide/runtime';
import { isDeepStrictEqual } from 'node:util';
import type { BuildHook } from './build-hook.ts';
import { MAX_IN_FLIGHT, type CmsReader } from './cms-reader.ts';
import { toSearchDocument } from './document.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { QueueItem, SyncQueue } from './queue.ts';
import { isClientError, isRejection } from './retry-policy.ts';
import type { SearchIndex } from './search-index.ts';

export type ArticleChangeDeps = {
  strapi: CmsReader;
  index: SearchIndex;
  queue: SyncQueue;
  metrics: Metrics;
  log: Logger;
  buildHook?: BuildHook;
};

type Fail = (item: QueueItem, err: unknown) => void;
type Upsert = { item: QueueItem; doc: SearchDocument };

/**
 * Applies queued article changes: re-reads each article's published state from Strapi, upserts or
 * deletes its document, and waits for Meilisearch to confirm. Completes each item it applied; hands
 * the others to `fail` with the cause.
 */
export async function applyArticleChanges(deps: ArticleChangeDeps, items: QueueItem[], fail: Fail): Promise<void> {
  if (items.length === 0) return;
  const picked = Date.now();
  // The index's copy is read while Strapi answers (neither needs the other): a publish waits for one round trip, not two.
  const held = deps.index.held(items.map((item) => item.documentId));
  const heldAt = held.then(
    () => Date.now(),
    () => Date.now(),
  );
  const upserts: Upsert[] = [];
  const deletes: QueueItem[] = [];
  for (const [item, article] of await canonical(deps, items, fail)) {
    if (article) upserts.push({ item, doc: toSearchDocument(article) });
    else deletes.push(item);
  }
  const fetched = Date.now();
  const oldest = Math.min(...items.map((item) => item.firstEnqueuedAt));
  const stages = { queuedMs: picked - oldest, fetchMs: fetched - picked, heldMs: (await heldAt) - picked };
  await write(deps, fail, upserts, deletes, held, stages);
}

/**
 * Each item's published article (null: not published). A batch is one request; when Strapi
 * rejects it, one request per item isolates the culprit. Items that cannot be fetched are
 * failed here and left out of the result.
 */
async function canonical(deps: ArticleChangeDeps, items: QueueItem[], fail: Fail): Promise<Map<QueueItem, FeedArticle | null>> {
  const { strapi, log } = deps;
  const out = new Map<QueueItem, FeedArticle | null>();
  if (items.length > 1) {
    try {
      const found = await strapi.getPublishedArticles(items.map((i) => i.documentId));
      for (const item of items) out.set(item, found.get(item.documentId) ?? null);
      return out;
    } catch (err) {
      if (!(err instanceof StrapiError && isClientError(err.status))) {
        for (const item of items) fail(item, err);
        return out;
      }
      log.warn({ items: items.length, err: describeError(err) }, 'Strapi rejected the batch; fetching one by one');
    }
  }
  for (let i = 0; i < items.length; i += MAX_IN_FLIGHT) {
    await Promise.all(
      items.slice(i, i + MAX_IN_FLIGHT).map(async (item) => {
        try {
          out.set(item, await strapi.getPublishedArticle(item.documentId));
        } catch (err) {
          fail(item, err);
        }
      }),
    );
  }
  return out;
}

/**
 * Writes what changed and completes the items. `held` is the index's copy of them when already
 * asked for; `stages` (ms) are logged with the outcome so a slow publish shows where it waited.
 */
async function write(
  deps: ArticleChangeDeps,
  fail: Fail,
  upserts: Upsert[],
  deletes: QueueItem[],
  held?: Promise<Map<string, SearchDocument>>,
  stages: Record<string, number> = {},
): Promise<void> {
  const all = [...upserts.map((u) => u.item), ...deletes];
  if (all.length === 0) return;
  const started = Date.now();
  let changed: SearchDocument[] = [];
  let removed = 0;
  try {
    // Saving the draft of a published article re-sends a document the index already holds, and
    // deleting a never-published draft removes nothing: neither changes what the site shows.
    const indexed = await (held ?? deps.index.held(all.map((item) => item.documentId)));
    changed = upserts.map((u) => u.doc).filter((doc) => !isDeepStrictEqual(indexed.get(doc.id), doc) || deps.index.owesVector(doc.id));
    const present = deletes.map((d) => d.documentId).filter((id) => indexed.has(id));
    // Noted before writing, so a crash after the write cannot lose the rebuild (the retry would
    // find nothing to change). A published article whose updatedAt moved is a changed document,
    // so a cover, SEO or author change (not indexed) reaches the site too.
    const siteChanges = [...changed.map((doc) => doc.id), ...present].map((documentId) => ({ kind: 'article' as const, documentId }));
    if (siteChanges.length > 0) deps.buildHook?.changed(siteChanges);
    await deps.index.upsert(changed, new Set(indexed.keys()));
    removed = await deps.index.delete(present);
  } catch (err) {
    if (isRejection(err) && all.length > 1) {
      // Isolate the document Meilisearch rejects so the others are not held back with it.
      for (const u of upserts) await write(deps, fail, [u], []);
      for (const d of deletes) await write(deps, fail, [], [d]);
      return;
    }
    for (const item of all) fail(item, err);
    return;
  }
  const now = Date.now();
  for (const item of all) {
    deps.queue.complete(item);
    deps.metrics.eventsApplied += 1;
    deps.metrics.observeLatency((now - item.firstEnqueuedAt) / 1000);
  }
  const unchanged = upserts.length - changed.length;
  deps.log.info(
    { upserted: changed.length, unchanged, deleted: removed, stages: { ...stages, writeMs: now - started } },
    'applied changes to the index',
  );
}
