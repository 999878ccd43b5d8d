import { createHmac, randomBytes } from 'node:crypto';
import { utcDay } from './utc-day.ts';

/**
 * (query, visitor) pairs remembered per day. Past it, a further visitor of a query is not counted:
 * an undercount, never an overcount, while memory stays bounded (a pair is a short hash).
 */
export const MAX_PAIRS_PER_DAY = 200_000;

/**
 * Counts how many distinct visitors searched each query today, in memory only, without keeping who
 * they are: a pair is remembered as an HMAC of the query and the visitor under a random key that is
 * replaced, with every pair, when the UTC day changes. The key is never written anywhere, so once
 * it is gone (the next day, or a restart) nothing links a pair to an address, even by trying every
 * address. A restart starts today's counts at zero again; the caller keeps the highest count a day
 * reached, so a restart can make a visitor count less, never twice.
 */
export class DistinctVisitors {
  private day = '';
  private key = randomBytes(32);
  private pairs = new Set<string>();
  private counts = new Map<string, number>();

  constructor(private readonly maxPairs = MAX_PAIRS_PER_DAY) {}

  /**
   * Notes that `visitor` searched `query` (both as they are counted under). Returns how many
   * distinct visitors searched it today since this process started, or null when this visitor
   * already had (or today's pairs are full).
   */
  add(query: string, visitor: string, now = Date.now()): number | null {
    const day = utcDay(now);
    if (day !== this.day) {
      this.day = day;
      this.key = randomBytes(32);
      this.pairs = new Set();
      this.counts = new Map();
    }
    const pair = createHmac('sha256', this.key).update(query).update('\0').update(visitor).digest('base64url').slice(0, 22);
    if (this.pairs.has(pair) || this.pairs.size >= this.maxPairs) return null;
    this.pairs.add(pair);
    const count = (this.counts.get(query) ?? 0) + 1;
    this.counts.set(query, count);
    return count;
  }
}
