import { createHmac, randomBytes } from 'node:crypto';

export type RateLimitOptions = {
  /** Requests one client may make per window. */
  limit: number;
  windowMs: number;
  /** Clients tracked per window; once full, requests from further clients are refused until the window ends. */
  maxClients: number;
};

export const ANALYTICS_RATE_LIMIT: RateLimitOptions = { limit: 30, windowMs: 60_000, maxClients: 10_000 };

/**
 * A fixed-window request counter per client, in memory only. Clients are keyed by a keyed hash of
 * their address (the key is random per window), and the whole table is dropped when the window
 * ends, so no address outlives a minute, even hashed, and none is ever written anywhere.
 */
export class RateLimiter {
  private counts = new Map<string, number>();
  private windowStart = 0;
  private salt = randomBytes(16);

  constructor(private readonly opts: RateLimitOptions = ANALYTICS_RATE_LIMIT) {}

  /** Counts a request from `client`; false when it is over the limit (or the table is full). */
  allow(client: string, now = Date.now()): boolean {
    if (now - this.windowStart >= this.opts.windowMs) {
      this.counts = new Map();
      this.salt = randomBytes(16);
      this.windowStart = now;
    }
    const key = createHmac('sha256', this.salt).update(client).digest('base64url');
    const count = this.counts.get(key);
    if (count === undefined && this.counts.size >= this.opts.maxClients) return false;
    if ((count ?? 0) >= this.opts.limit) return false;
    this.counts.set(key, (count ?? 0) + 1);
    return true;
  }
}
