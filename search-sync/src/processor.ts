import type { FeedArticle } from '@stackguide/contracts/index-feed';
import { StrapiError } from '@stackguide/runtime';
import { isDeepStrictEqual } from 'node:util';
import type { BuildHook } from './build-hook.ts';
import type { SearchDocument } from '@stackguide/contracts/search-index';
import { toSearchDocument } from './document.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex } from './search-index.ts';
import type { Metrics } from './metrics.ts';
import type { QueueItem, SyncQueue } from './queue.ts';
import { isClientError, isPermanent, isRejection, retryDelay, type BackoffOptions } from './retry-policy.ts';
import { MAX_IN_FLIGHT, type CmsReader } from './cms-reader.ts';
import type { PageIndexes } from './page-index.ts';
import { applyPageChanges } from './page-changes.ts';

export type ProcessorDeps = {
  queue: SyncQueue;
  strapi: CmsReader;
  index: SearchIndex;
  /** Where roles' and skills' own documents go (their pages, a role's salary bands). */
  pageIndexes: PageIndexes;
  metrics: Metrics;
  log: Logger;
  /** Applies the editors' vocabulary from Strapi to the live index. */
  applyVocabulary(): Promise<unknown>;
  buildHook?: BuildHook;
  backoff?: BackoffOptions;
  batchSize?: number;
  /** Idle poll interval; `wake()` short-cuts it when new work arrives. */
  pollMs?: number;
  /** A task Meilisearch keeps rejecting goes to the dead letters after this many attempts. */
  maxTaskFailures?: number;
};

/**
 * Items per batch. A live publish is a batch of one; a deep queue (first start, a repair after an
 * outage) goes through in few large Meilisearch tasks, since each task costs a fixed overhead.
 */
const BATCH_SIZE = 500;

/**
 * Applies queued items to the indexes: re-fetches each article's, role's or skill's canonical
 * published state from Strapi, upserts or deletes its documents, and waits for Meilisearch to
 * confirm; a role or skill then has its articles re-read (page-changes.ts). Failures are retried with
 * backoff; only permanent ones leave the queue, into the dead letters.
 */
export class Processor {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly deps: ProcessorDeps) {}

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the current batch. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Signals that new items were queued. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (err) {
        this.deps.log.error({ err: describeError(err) }, 'processor batch crashed');
      }
      if (handled === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.deps.pollMs ?? 500);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Processes one batch of due items; returns how many were handled (0 = nothing due). */
  async runOnce(): Promise<number> {
    const items = this.deps.queue.due(this.deps.batchSize ?? BATCH_SIZE);
    this.deps.buildHook?.hold();
    try {
      for (const item of items.filter((i) => i.kind === 'search-setting')) await this.applyVocabulary(item);
      for (const kind of ['role', 'skill'] as const)
        await applyPageChanges(
          this.deps,
          kind,
          items.filter((i) => i.kind === kind),
          (item, err) => this.fail(item, err),
        );
      await this.applyArticles(items.filter((i) => i.kind === 'article'));
    } finally {
      this.deps.buildHook?.release();
    }
    return items.length;
  }

  private async applyVocabulary(item: QueueItem): Promise<void> {
    try {
      await this.deps.applyVocabulary();
      this.deps.queue.complete(item);
    } catch (err) {
      this.fail(item, err);
    }
  }

  private async applyArticles(items: QueueItem[]): Promise<void> {
    if (items.length === 0) return;
    const picked = Date.now();
    // The index's copy is read while Strapi answers (neither needs the other): a publish waits for one round trip, not two.
    const held = this.deps.index.held(items.map((item) => item.documentId));
    const heldAt = held.then(
      () => Date.now(),
      () => Date.now(),
    );
    const upserts: { item: QueueItem; doc: SearchDocument }[] = [];
    const deletes: QueueItem[] = [];
    for (const [item, article] of await this.canonical(items)) {
      if (article) upserts.push({ item, doc: toSearchDocument(article) });
      else deletes.push(item);
    }
    const fetched = Date.now();
    const oldest = Math.min(...items.map((item) => item.firstEnqueuedAt));
    const stages = { queuedMs: picked - oldest, fetchMs: fetched - picked, heldMs: (await heldAt) - picked };
    await this.write(upserts, deletes, held, stages);
  }

  /**
   * Each item's published article (null: not published). A batch is one request; when Strapi
   * rejects it, one request per item isolates the culprit. Items that cannot be fetched are
   * failed here and left out of the result.
   */
  private async canonical(items: QueueItem[]): Promise<Map<QueueItem, FeedArticle | null>> {
    const { strapi, log } = this.deps;
    const out = new Map<QueueItem, FeedArticle | null>();
    if (items.length > 1) {
      try {
        const found = await strapi.getPublishedArticles(items.map((i) => i.documentId));
        for (const item of items) out.set(item, found.get(item.documentId) ?? null);
        return out;
      } catch (err) {
        if (!(err instanceof StrapiError && isClientError(err.status))) {
          for (const item of items) this.fail(item, err);
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
            this.fail(item, err);
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
  private async write(
    upserts: { item: QueueItem; doc: SearchDocument }[],
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
      const indexed = await (held ?? this.deps.index.held(all.map((item) => item.documentId)));
      changed = upserts
        .map((u) => u.doc)
        .filter((doc) => !isDeepStrictEqual(indexed.get(doc.id), doc) || this.deps.index.owesVector(doc.id));
      const present = deletes.map((d) => d.documentId).filter((id) => indexed.has(id));
      // Noted before writing, so a crash after the write cannot lose the rebuild (the retry would
      // find nothing to change). A published article whose updatedAt moved is a changed document,
      // so a cover, SEO or author change (not indexed) reaches the site too.
      const siteChanges = [...changed.map((doc) => doc.id), ...present].map((documentId) => ({ kind: 'article' as const, documentId }));
      if (siteChanges.length > 0) this.deps.buildHook?.changed(siteChanges);
      await this.deps.index.upsert(changed, new Set(indexed.keys()));
      removed = await this.deps.index.delete(present);
    } catch (err) {
      if (isRejection(err) && all.length > 1) {
        // Isolate the document Meilisearch rejects so the others are not held back with it.
        for (const u of upserts) await this.write([u], []);
        for (const d of deletes) await this.write([], [d]);
        return;
      }
      for (const item of all) this.fail(item, err);
      return;
    }
    const now = Date.now();
    for (const item of all) {
      this.deps.queue.complete(item);
      this.deps.metrics.eventsApplied += 1;
      this.deps.metrics.observeLatency((now - item.firstEnqueuedAt) / 1000);
    }
    const unchanged = upserts.length - changed.length;
    this.deps.log.info(
      { upserted: changed.length, unchanged, deleted: removed, stages: { ...stages, writeMs: now - started } },
      'applied changes to the index',
    );
  }

  private fail(item: QueueItem, err: unknown): void {
    const { queue, metrics, log } = this.deps;
    const message = describeError(err);
    metrics.eventsFailed += 1;
    const context = { kind: item.kind, documentId: item.documentId, attempts: item.attempts + 1, err: message };
    if (isPermanent(err, item.attempts, this.deps.maxTaskFailures ?? 10)) {
      queue.deadLetter(item, message);
      log.error(context, 'item failed permanently; moved to dead letters');
      return;
    }
    const delay = retryDelay(err, item.attempts + 1, this.deps.backoff);
    queue.retry(item, message, delay);
    log.warn({ ...context, retryInMs: delay }, 'item failed; will retry');
  }
}
