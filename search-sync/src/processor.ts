import { applyArticleChanges } from './article-changes.ts';
import type { BuildHook } from './build-hook.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { SearchIndex } from './search-index.ts';
import type { Metrics } from './metrics.ts';
import type { QueueItem, SyncQueue } from './queue.ts';
import { isPermanent, retryDelay, type BackoffOptions } from './retry-policy.ts';
import type { CmsReader } from './cms-reader.ts';
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
 * Applies queued items to the indexes in batches: the editors' vocabulary, then roles and skills
 * (page-changes.ts), then articles (article-changes.ts), each re-read from Strapi and confirmed by
 * Meilisearch. Failures are retried with backoff; only permanent ones leave the queue, into the
 * dead letters.
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
      await applyArticleChanges(
        this.deps,
        items.filter((i) => i.kind === 'article'),
        (item, err) => this.fail(item, err),
      );
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
