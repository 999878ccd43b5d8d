import { unixSeconds } from './document.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex, Stamps } from './meili.ts';
import type { SyncQueue } from './queue.ts';
import type { CmsReader } from './cms-reader.ts';
import { VOCABULARY_ITEM } from './vocabulary.ts';
import type { ReconcileResult } from '@stackguide/contracts/search-sync-admin';

export type { ReconcileResult } from '@stackguide/contracts/search-sync-admin';

export const LAST_RECONCILE_KEY = 'lastReconcile';

/** What a reconcile found, and Strapi's side of it: what the index holds once the repairs are applied. */
export type ReconcileOutcome = { result: ReconcileResult; published: Stamps };

/**
 * Compares Strapi's published (documentId, updatedAt) with the index's (id, updatedAt) and queues
 * every difference, every article still owed its vector, plus a check of the editors' vocabulary
 * (cheap when unchanged). Orphans are
 * queued too rather than deleted here: the processor re-checks Strapi, so an article published
 * while this ran is not removed by mistake. `indexed`, when given, stands in for reading the index:
 * a reindex knows what it just loaded, and reading every document back would cost Meilisearch more.
 * @throws StrapiError or Meilisearch errors when either side cannot be read.
 */
export async function reconcile(
  deps: { strapi: CmsReader; index: SearchIndex; queue: SyncQueue; log: Logger },
  indexed?: Stamps,
): Promise<ReconcileOutcome> {
  const startedAt = new Date().toISOString();
  const [listed, inIndex] = await Promise.all([deps.strapi.publishedStamps(), indexed ?? deps.index.stamps()]);
  const published: Stamps = new Map(listed.map((p) => [p.documentId, unixSeconds(p.updatedAt)]));
  const missing: string[] = [];
  const stale: string[] = [];
  for (const [documentId, updatedAt] of published) {
    const stamp = inIndex.get(documentId);
    if (stamp === undefined) missing.push(documentId);
    else if (stamp !== updatedAt) stale.push(documentId);
  }
  const orphans = [...inIndex.keys()].filter((id) => !published.has(id));
  // Written without their vector while the embedder was unavailable: written again once it answers.
  const unembedded = deps.index.vectors && (await deps.index.vectors.healthy()) ? deps.index.vectors.owed() : [];
  const articles = [...new Set([...missing, ...stale, ...orphans, ...unembedded])].map((documentId) => ({
    kind: 'article' as const,
    documentId,
  }));
  deps.queue.enqueue([...articles, VOCABULARY_ITEM]);
  const result: ReconcileResult = {
    startedAt,
    finishedAt: new Date().toISOString(),
    published: listed.length,
    indexed: inIndex.size,
    missing: missing.length,
    stale: stale.length,
    orphans: orphans.length,
    watermark: deps.queue.watermark(),
  };
  deps.queue.setMeta(LAST_RECONCILE_KEY, result);
  deps.log.info({ ...result, unembedded: unembedded.length }, 'reconcile done');
  return { result, published };
}
