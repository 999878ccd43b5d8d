import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

const opts = { baseMs: 100, maxMs: 1_000 };

describe('backoffDelay', () => {
  it('doubles per attempt with jitter between half and full delay', () => {
    expect(backoffDelay(1, opts, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, () => 0)).toBe(200);
    expect(backoffDelay(3, opts, () => 1)).toBe(400);
  });

  it('caps at maxMs', () => {
    expect(backoffDelay(30, opts, () => 1)).toBe(1_000);
    expect(backoffDelay(30, opts, () => 0)).toBe(500);
  });

  it('spreads retries of simultaneous failures', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, opts)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(400);
  });
});
