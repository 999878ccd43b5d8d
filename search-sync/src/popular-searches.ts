import type { PopularQueries as PopularAnswer } from '@stackguide/contracts/analytics';
import type { AnalyticsStore } from './analytics-store.ts';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';

/** The most queries one answer lists. */
export const MAX_POPULAR = 20;
/** Candidates checked against the index per answer: room for those that find nothing. */
const CANDIDATES = 50;
/**
 * How long an answer is reused while no visitor was counted and nothing was hidden: the route is
 * public, so it must not cost a search per request.
 */
const ANSWER_TTL_MS = 60_000;
/** How long a query's verdict (finds something or not) is kept; publishing and unpublishing change it. */
const VERDICT_TTL_MS = 10 * 60_000;

/** Whether a query finds at least one article in the live index; throws when the index cannot be asked. */
export type FindsSomething = (query: string) => Promise<boolean>;

/**
 * The popular searches the site shows: queries enough visitors searched (the store's candidates)
 * that really find something when search-sync asks the index itself, whatever result counts the
 * visitors' browsers reported. A query that cannot be checked (Meilisearch down) is left out.
 */
export class PopularSearches {
  private answer: { at: number; version: number; queries: PopularAnswer['queries'] } | undefined;
  private pending: { version: number; queries: Promise<PopularAnswer['queries']> } | undefined;
  private verdicts = new Map<string, { at: number; finds: boolean }>();

  constructor(
    private readonly store: AnalyticsStore,
    private readonly finds: FindsSomething,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Up to `limit` (≤ MAX_POPULAR) popular queries, most visitors first. */
  async list(limit: number): Promise<PopularAnswer> {
    const now = this.now();
    const version = this.store.version;
    if (!this.answer || this.answer.version !== version || now - this.answer.at >= ANSWER_TTL_MS) {
      // Requests arriving meanwhile share one computation of the same version.
      if (this.pending?.version !== version) this.pending = { version, queries: this.compute(now) };
      const pending = this.pending;
      try {
        this.answer = { at: now, version, queries: await pending.queries };
      } finally {
        if (this.pending === pending) this.pending = undefined;
      }
    }
    return { queries: this.answer.queries.slice(0, limit) };
  }

  private async compute(now: number): Promise<PopularAnswer['queries']> {
    const shown: PopularAnswer['queries'] = [];
    for (const candidate of this.store.popularCandidates(CANDIDATES, now)) {
      if (shown.length >= MAX_POPULAR) break;
      if (await this.verdict(candidate.query, now)) shown.push(candidate);
    }
    for (const [query, v] of this.verdicts) if (now - v.at >= VERDICT_TTL_MS) this.verdicts.delete(query);
    return shown;
  }

  private async verdict(query: string, now: number): Promise<boolean> {
    const known = this.verdicts.get(query);
    if (known && now - known.at < VERDICT_TTL_MS) return known.finds;
    try {
      const finds = await this.finds(query);
      this.verdicts.set(query, { at: now, finds });
      return finds;
    } catch (err) {
      this.log.warn({ err: describeError(err), query }, 'popular searches: could not ask the index; the query is left out');
      return false;
    }
  }
}
