import { type ContentChange, type HookBody, MAX_LISTED_CHANGES } from '@stackguide/contracts/build-hook';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { RebuildMark } from './rebuild-mark.ts';
import { BUILD_HOOK_BACKOFF, backoffDelay, type BackoffOptions } from './retry-policy.ts';

export type BuildHookOptions = {
  /** The site's build hook; without one, changes are not noted at all. */
  url: string | undefined;
  secret: string | undefined;
  /**
   * Quiet period after the last change before the hook is called, so a burst of publishes makes
   * one build. Short: it is part of every publish → live page (the site coalesces what arrives
   * while it builds anyway).
   */
  debounceMs?: number;
  /** How often a started hook looks for a rebuild another process (a CLI reconcile) left owed. */
  idleCheckMs?: number;
  retry?: BackoffOptions;
  /** SITE_STARTUP_GRACE_MS unless given (tests). */
  startupGraceMs?: number;
};

type Outcome = 'nothing owed' | 'called' | 'failed';

export const DEFAULT_DEBOUNCE_MS = 250;

/**
 * How long after start a site that refuses connections is taken to be still starting (npm start
 * launches the site after search-sync, whose first fill already owes it a rebuild): its failed
 * calls log at info level then, and as warnings after this or once the site has answered.
 */
export const SITE_STARTUP_GRACE_MS = 180_000;

/**
 * Gets the site rebuilt after content it shows changed. A change is first noted durably
 * (`RebuildMark`), then the hook is called once changes settle; the note is cleared only when the
 * hook answered 2xx, and failed calls are retried with backoff for as long as it takes, across
 * restarts too. The request says which documents changed (so the site fetches and renders only
 * what they affect) and when, so a site whose build already has them can skip it:
 * `{ source, changedAt, changes: [{ kind, documentId }] }`, without `changes` when the site has to
 * look at everything.
 */
export class BuildHook {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private calling: Promise<Outcome> | undefined;
  private started = false;
  /** Changes noted while held wait for `release()` before the hook is scheduled. */
  private held = false;
  private heldChanges = false;
  private startedAt = 0;
  private answered = false;
  private stopped = false;
  private readonly aborter = new AbortController();

  constructor(
    private readonly mark: RebuildMark,
    private readonly opts: BuildHookOptions,
    private readonly log: Logger,
  ) {}

  /**
   * These documents changed ('all': something changed, the site has to find out what): note it,
   * and once started, call the hook when changes settle. A one-off command that never starts the
   * hook calls `flush()` when it is done instead.
   */
  changed(changes: ContentChange[] | 'all', now = Date.now()): void {
    if (!this.opts.url) return;
    this.mark.set(changes, now);
    if (this.held) this.heldChanges = true;
    else this.settle();
  }

  /**
   * Notes changes without calling the hook until `release()`: whatever one batch of the processor
   * changes (pages, the articles naming them) makes one rebuild, however long the batch takes.
   */
  hold(): void {
    this.held = true;
  }

  /** Ends `hold()`: changes noted meanwhile get the hook called once they settle. */
  release(): void {
    this.held = false;
    if (this.heldChanges) this.settle();
    this.heldChanges = false;
  }

  private settle(): void {
    // While failing, the backoff timer decides; the next call covers this change too.
    if (this.started && this.failures === 0) this.schedule(this.opts.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Whether a rebuild is owed: content changed since the hook last answered 2xx. */
  owed(): boolean {
    return this.mark.get() !== null;
  }

  /** Calls the hook now for a rebuild an earlier run left owed, then keeps watching for owed ones. */
  start(): void {
    if (!this.opts.url) return;
    this.started = true;
    this.startedAt = Date.now();
    this.schedule(0);
  }

  /**
   * Calls the hook now if a rebuild is owed.
   * @returns false when the hook failed (the rebuild stays owed), true otherwise.
   */
  async flush(): Promise<boolean> {
    return (await this.callOnce()) !== 'failed';
  }

  /** Stops retrying and cuts a call in flight; the rebuild stays owed for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.aborter.abort();
    await this.calling;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    // Held: `release()` looks again.
    if (this.held) {
      this.heldChanges = true;
      return;
    }
    const outcome = await this.callOnce().catch((err: unknown): Outcome => {
      this.log.error({ err: describeError(err) }, 'could not read or clear the owed site rebuild');
      return 'failed';
    });
    if (outcome === 'failed') {
      this.failures += 1;
      this.schedule(backoffDelay(this.failures, this.opts.retry ?? BUILD_HOOK_BACKOFF));
      return;
    }
    this.failures = 0;
    // A change noted during the call already set its own (debounce) timer.
    if (!this.timer) this.schedule(this.opts.idleCheckMs ?? 10_000);
  }

  /**
   * A refused connection within the grace period after `start()`, before the site ever answered. A
   * hook never started (a one-off command) has `startedAt` 0, so its failures always warn.
   */
  private siteStarting(err: unknown): boolean {
    const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    return code === 'ECONNREFUSED' && !this.answered && Date.now() - this.startedAt < (this.opts.startupGraceMs ?? SITE_STARTUP_GRACE_MS);
  }

  /** One call at a time: a flush during a timed call waits for that call. */
  private callOnce(): Promise<Outcome> {
    this.calling ??= this.call().finally(() => {
      this.calling = undefined;
    });
    return this.calling;
  }

  private async call(): Promise<Outcome> {
    const owed = this.mark.get();
    if (!owed || !this.opts.url) return 'nothing owed';
    const url = this.opts.url;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.opts.secret ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          source: 'search-sync',
          changedAt: new Date(owed.changedAt).toISOString(),
          ...(owed.changes && owed.changes.length <= MAX_LISTED_CHANGES ? { changes: owed.changes } : {}),
        } satisfies HookBody),
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(10_000)]),
      });
      await res.body?.cancel();
      this.answered = true;
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    } catch (err) {
      if (this.stopped) return 'failed';
      const message = describeError(err);
      this.mark.failed(message);
      const details = { url, attempts: owed.attempts + 1, err: message };
      if (this.siteStarting(err)) this.log.info(details, 'site not up yet; the rebuild stays owed and is retried');
      else this.log.warn(details, 'site build hook failed; the rebuild stays owed and is retried');
      return 'failed';
    }
    this.mark.clear(owed.changedAt);
    this.log.info(
      { url, changedAt: new Date(owed.changedAt).toISOString(), changes: owed.changes?.length ?? 'all' },
      'site build hook called',
    );
    return 'called';
  }
}
