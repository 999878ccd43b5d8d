import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows `limit` requests per client per window, each client on its own', () => {
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000, maxClients: 10 });
    expect([limiter.allow('a', 0), limiter.allow('a', 1), limiter.allow('a', 2)]).toEqual([true, true, false]);
    expect(limiter.allow('b', 3)).toBe(true);
    expect(limiter.allow('a', 1000)).toBe(true);
  });

  it('refuses new clients once the table is full, until the window ends', () => {
    const limiter = new RateLimiter({ limit: 5, windowMs: 1000, maxClients: 2 });
    expect([limiter.allow('a', 0), limiter.allow('b', 0), limiter.allow('c', 0), limiter.allow('a', 0)]).toEqual([true, true, false, true]);
    expect(limiter.allow('c', 1000)).toBe(true);
  });
});
