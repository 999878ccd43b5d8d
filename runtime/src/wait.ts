export type WaitOptions = {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** Pause between checks (default 100 ms). */
  intervalMs?: number;
  /** Asked before every check; once false, waiting stops at once (the process being waited for died). */
  isAlive?: () => boolean;
};

/** Waiting ended without the condition: the deadline passed or the process died. `cause` is the check's last error. */
export class WaitError extends Error {
  override name = 'WaitError';
  constructor(
    readonly what: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One line for an error; fetch's "fetch failed" hides the useful part (ECONNREFUSED…) in its cause. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? err.cause.message : err.message;
}

/**
 * Calls `check` every `intervalMs` until it returns a truthy value, and resolves with that value. A check
 * that throws counts as "not yet"; the last such error is named if waiting fails.
 * @throws WaitError naming `what` (and the last error) when `timeoutMs` passes or `isAlive` turns false.
 */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, opts: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  const lastText = () => (last === undefined ? '' : ` (last error: ${errorText(last)})`);
  for (;;) {
    if (opts.isAlive && !opts.isAlive())
      throw new WaitError(what, `the process exited while waiting for ${what}${lastText()}`, { cause: last });
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new WaitError(what, `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastText()}`, { cause: last });
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
}

/**
 * Polls `url` until it answers with a status `ok` accepts (2xx by default).
 * @throws WaitError naming the URL and the last failure (HTTP status or connection error).
 */
export async function waitForHttp(url: string, opts: WaitOptions & { ok?: (status: number) => boolean } = {}): Promise<void> {
  const ok = opts.ok ?? ((status) => status >= 200 && status < 300);
  await waitFor(
    url,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (!ok(res.status)) throw new Error(`HTTP ${res.status}`);
      return true;
    },
    { intervalMs: 250, ...opts },
  );
}
