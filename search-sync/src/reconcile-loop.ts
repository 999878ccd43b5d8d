import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { ReconcileResult } from './reconcile.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './retry-policy.ts';

export type ReconcileLoopDeps = {
  /** One reconcile pass. */
  run: () => Promise<ReconcileResult>;
  /** Called after each pass that succeeded, with what it queued. */
  onDone: (result: ReconcileResult) => void;
  /** Between passes that succeed. */
  intervalMs: number;
  /** Between a failed pass and its retry, growing with each failure. */
  backoff?: BackoffOptions;
  log: Logger;
};

/**
 * Reconciles on a schedule: every `intervalMs`, soon again after a failure (Strapi or Meilisearch
 * down), at once when asked. Never two passes at once, and one pass planned at a time, the soonest
 * asked for: a webhook naming an entry the queue cannot place asks for one within a second, and a
 * pass finishing meanwhile must not put that off by a whole interval.
 */
export class ReconcileLoop {
  private first: ReconcileResult | undefined;
  private running: Promise<void> | undefined;
  private planned: NodeJS.Timeout | undefined;
  private plannedAt = 0;
  private stopped = false;

  constructor(private readonly deps: ReconcileLoopDeps) {}

  /** What the first pass that succeeded queued; undefined until then. */
  get firstResult(): ReconcileResult | undefined {
    return this.first;
  }

  /** Runs a pass now, or joins the one running; resolves when it is over, failed or not. */
  now(attempt = 1): Promise<void> {
    this.running ??= (async () => {
      try {
        const result = await this.deps.run();
        this.first ??= result;
        this.deps.onDone(result);
        this.soon(this.deps.intervalMs);
      } catch (err) {
        const delay = backoffDelay(attempt, this.deps.backoff ?? DEFAULT_BACKOFF);
        this.deps.log.warn({ err: describeError(err), retryInMs: delay }, 'reconcile failed; retrying');
        this.soon(delay, attempt + 1);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Plans a pass in `delayMs`, unless one is planned sooner. */
  soon(delayMs: number, attempt = 1): void {
    const at = Date.now() + delayMs;
    if (this.stopped || (this.planned && this.plannedAt <= at)) return;
    clearTimeout(this.planned);
    this.plannedAt = at;
    this.planned = setTimeout(() => {
      this.planned = undefined;
      void this.now(attempt);
    }, delayMs);
  }

  /** Plans nothing more and waits for the pass running, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.planned);
    await this.running;
  }
}
