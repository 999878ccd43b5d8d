import type { Logger } from './logger.ts';

/**
 * Calls the site's build hook once things settle: every `trigger()` restarts the timer, so a burst
 * of publishes leads to one build. Failures are logged and retried a few times, never thrown.
 */
export class BuildHook {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string | undefined,
    private readonly secret: string | undefined,
    private readonly log: Logger,
    private readonly debounceMs = 2_000,
  ) {}

  trigger(): void {
    if (!this.url) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.call(1), this.debounceMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private async call(attempt: number): Promise<void> {
    if (!this.url) return;
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'search-sync', at: new Date().toISOString() }),
        signal: AbortSignal.timeout(10_000),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.log.info({ url: this.url }, 'site build hook called');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn({ url: this.url, attempt, err: message }, 'site build hook failed');
      if (attempt < 3) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.call(attempt + 1), 5_000 * attempt);
        this.timer.unref();
      }
    }
  }
}
