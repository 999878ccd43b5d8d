import type Database from 'better-sqlite3';
import type { AdminAnalytics } from '@stackguide/contracts/analytics';
import { firstDayOf } from './utc-day.ts';

/** A query is shown (popular, admin, CLI) only once at least this many visitors searched it. */
export const MIN_VISITORS_SHOWN = 3;
/** Queries listed in each admin list. */
const LIST_LIMIT = 20;

const NOT_HIDDEN = 'query NOT IN (SELECT query FROM hidden_queries)';

/**
 * The admin report over the last `days` days (today included), from analytics.db's tables (see
 * analytics-store.ts), with how many queries the daily cap left uncounted.
 */
export function adminReport(db: Database.Database, days: number, now: number): AdminAnalytics & { queriesOverCap: number } {
  const since = firstDayOf(days, now);
  const top = db
    .prepare(
      `SELECT query, SUM(searches) AS searches, SUM(results) AS results, SUM(clicks) AS clicks FROM query_days WHERE day >= ? AND ${NOT_HIDDEN}
       GROUP BY query HAVING SUM(visitors) >= ? ORDER BY searches DESC, query LIMIT ?`,
    )
    .all(since, MIN_VISITORS_SHOWN, LIST_LIMIT) as { query: string; searches: number; results: number; clicks: number }[];
  const zero = db
    .prepare(
      `SELECT query, SUM(zero_results) AS searches FROM query_days WHERE day >= ? AND ${NOT_HIDDEN}
       GROUP BY query HAVING SUM(visitors) >= ? AND SUM(zero_results) >= ? ORDER BY searches DESC, query LIMIT ?`,
    )
    .all(since, MIN_VISITORS_SHOWN, MIN_VISITORS_SHOWN, LIST_LIMIT) as { query: string; searches: number }[];
  const hidden = db.prepare('SELECT query FROM hidden_queries ORDER BY query').all() as { query: string }[];
  const totals = db
    .prepare(
      'SELECT COALESCE(SUM(searches), 0) AS searches, COALESCE(SUM(clicks), 0) AS clicks, COALESCE(SUM(queries_over_cap), 0) AS overCap FROM day_totals WHERE day >= ?',
    )
    .get(since) as { searches: number; clicks: number; overCap: number };
  const positions = db
    .prepare('SELECT position, SUM(clicks) AS clicks FROM click_positions WHERE day >= ? GROUP BY position')
    .all(since) as { position: number; clicks: number }[];
  const byPosition = Array.from({ length: Math.max(0, ...positions.map((p) => p.position)) }, () => 0);
  for (const p of positions) byPosition[p.position - 1] = p.clicks;
  return {
    days,
    topQueries: top.map((r) => ({
      query: r.query,
      searches: r.searches,
      avgResults: Math.round((r.results / r.searches) * 10) / 10,
      clicks: r.clicks,
    })),
    zeroResultQueries: zero,
    hiddenQueries: hidden.map((h) => h.query),
    clickThrough: {
      searches: totals.searches,
      clicks: totals.clicks,
      rate: totals.searches === 0 ? 0 : Math.round((totals.clicks / totals.searches) * 1000) / 1000,
      byPosition,
    },
    queriesOverCap: totals.overCap,
  };
}
