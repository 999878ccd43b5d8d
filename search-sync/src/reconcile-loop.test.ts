import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.ts';
import type { ReconcileResult } from './reconcile.ts';
import { ReconcileLoop } from './reconcile-loop.ts';

const log = createLogger('silent', 2);
const result = (watermark: number) => ({ watermark }) as unknown as ReconcileResult;

/**
 * A loop whose passes succeed or throw as `outcomes` says, in turn (then succeed); `passes` counts
 * them; each pass first waits for `gate` when one is set.
 */
function loop(outcomes: ('ok' | 'fail')[] = [], gate?: Promise<void>) {
  const done: ReconcileResult[] = [];
  const counter = { passes: 0 };
  const reconciler = new ReconcileLoop({
    run: async () => {
      counter.passes += 1;
      await gate;
      if (outcomes.shift() === 'fail') throw new Error('Strapi unreachable');
      return result(counter.passes);
    },
    onDone: (r) => done.push(r),
    intervalMs: 60_000,
    backoff: { baseMs: 1_000, maxMs: 1_000 },
    log,
  });
  return { reconciler, done, counter };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ReconcileLoop', () => {
  it('joins a pass already running instead of starting a second', async () => {
    const { reconciler, counter } = loop();
    await Promise.all([reconciler.now(), reconciler.now()]);
    expect(counter.passes).toBe(1);
    expect(reconciler.firstResult).toEqual(result(1));
    await reconciler.stop();
  });

  it('retries a failed pass after the backoff, then runs every interval', async () => {
    const { reconciler, counter, done } = loop(['fail']);
    await reconciler.now();
    expect([counter.passes, done.length, reconciler.firstResult]).toEqual([1, 0, undefined]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([counter.passes, done.length]).toEqual([2, 1]);
    // The retry came after 500 to 1,000 ms (half the backoff is jitter); the next pass an interval later.
    await vi.advanceTimersByTimeAsync(59_499);
    expect(counter.passes).toBe(2);
    await vi.advanceTimersByTimeAsync(501);
    expect(counter.passes).toBe(3);
    expect(reconciler.firstResult).toEqual(result(2));
    await reconciler.stop();
  });

  it('keeps a sooner pass asked for while one runs, rather than the interval that pass plans', async () => {
    let open = () => {};
    const { reconciler, counter } = loop([], new Promise<void>((resolve) => (open = resolve)));
    const running = reconciler.now();
    reconciler.soon(1_000);
    open();
    await running;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(counter.passes).toBe(2);
    await reconciler.stop();
  });

  it('lets a sooner request replace the planned pass, and plans nothing once stopped', async () => {
    const { reconciler, counter } = loop();
    await reconciler.now();
    reconciler.soon(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(counter.passes).toBe(2);
    await reconciler.stop();
    reconciler.soon(10);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(counter.passes).toBe(2);
  });
});
