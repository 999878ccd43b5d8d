import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AdminAnalytics, AnalyticsEvent, PopularQueries } from '@stackguide/contracts/analytics';
import { normaliseQuery } from './analytics-query.ts';

/** Days of analytics kept, today included; older days are deleted. */
export const RETENTION_DAYS = 90;
/** A query is shown (popular, admin, CLI) only once it was searched at least this often. */
export const MIN_SEARCHES_SHOWN = 3;
/**
 * Distinct queries stored per day. Past it, a new query's searches still count in the day's totals
 * but the query itself is not stored, so storage stays bounded (at most 90 × 2,000 rows) however
 * many distinct queries arrive.
 */
export const MAX_QUERIES_PER_DAY = 2000;
/** Queries listed in each admin list. */
const LIST_LIMIT = 20;
/** Days the popular queries are counted over. */
const POPULAR_DAYS = 30;

const DAY_MS = 86_400_000;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS query_days (
  day TEXT NOT NULL,
  query TEXT NOT NULL,
  searches INTEGER NOT NULL DEFAULT 0,
  zero_results INTEGER NOT NULL DEFAULT 0,
  results INTEGER NOT NULL DEFAULT 0,
  clicks INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, query)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS click_positions (
  day TEXT NOT NULL,
  position INTEGER NOT NULL,
  clicks INTEGER NOT NULL,
  PRIMARY KEY (day, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS day_totals (
  day TEXT PRIMARY KEY,
  searches INTEGER NOT NULL DEFAULT 0,
  clicks INTEGER NOT NULL DEFAULT 0,
  queries_over_cap INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
`;

/** UTC calendar day of a time, `YYYY-MM-DD`. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** What became of one event: counted under its query, counted in the totals only, or not stored at all. */
export type RecordOutcome = 'stored' | 'over-cap' | 'private';

/**
 * Search analytics in SQLite (`analytics.db` in search-sync's data directory): one row per
 * normalised query per day with counts, clicks per result position per day, and daily totals.
 * Nothing about the visitor is stored — no address, cookie, user agent or id — and nothing finer
 * than a day.
 */
export class AnalyticsStore {
  readonly db: Database.Database;
  private prunedFor = '';

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'analytics.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /** Counts one event (see RecordOutcome); drops days past the retention first when the day changed. */
  record(event: AnalyticsEvent, now = Date.now()): RecordOutcome {
    const query = normaliseQuery(event.q);
    if (query === null) return 'private';
    const day = utcDay(now);
    if (this.prunedFor !== day) this.prune(now);
    const click = event.type === 'click' ? 1 : 0;
    const search = 1 - click;
    const counts = {
      day,
      query,
      searches: search,
      zero: search && event.results === 0 ? 1 : 0,
      results: search * event.results,
      clicks: click,
    };
    return this.db.transaction((): RecordOutcome => {
      this.db
        .prepare(
          'INSERT INTO day_totals (day, searches, clicks) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET searches = searches + excluded.searches, clicks = clicks + excluded.clicks',
        )
        .run(day, search, click);
      if (event.type === 'click') {
        this.db
          .prepare(
            'INSERT INTO click_positions (day, position, clicks) VALUES (?, ?, 1) ON CONFLICT (day, position) DO UPDATE SET clicks = clicks + 1',
          )
          .run(day, event.position);
      }
      const updated = this.db
        .prepare(
          'UPDATE query_days SET searches = searches + @searches, zero_results = zero_results + @zero, results = results + @results, clicks = clicks + @clicks WHERE day = @day AND query = @query',
        )
        .run(counts);
      if (updated.changes > 0) return 'stored';
      const stored = (this.db.prepare('SELECT COUNT(*) AS n FROM query_days WHERE day = ?').get(day) as { n: number }).n;
      if (stored >= MAX_QUERIES_PER_DAY) {
        this.db.prepare('UPDATE day_totals SET queries_over_cap = queries_over_cap + 1 WHERE day = ?').run(day);
        return 'over-cap';
      }
      this.db
        .prepare(
          'INSERT INTO query_days (day, query, searches, zero_results, results, clicks) VALUES (@day, @query, @searches, @zero, @results, @clicks)',
        )
        .run(counts);
      return 'stored';
    })();
  }

  /** Deletes every day older than the retention allows. */
  prune(now = Date.now()): void {
    const oldest = utcDay(now - (RETENTION_DAYS - 1) * DAY_MS);
    this.db.transaction(() => {
      for (const table of ['query_days', 'click_positions', 'day_totals'])
        this.db.prepare(`DELETE FROM ${table} WHERE day < ?`).run(oldest);
    })();
    this.prunedFor = utcDay(now);
  }

  /** The most searched queries of the last 30 days that found something, for the site's suggestions. */
  popular(limit: number, now = Date.now()): PopularQueries {
    const rows = this.db
      .prepare(
        `SELECT query, SUM(searches - zero_results) AS found FROM query_days WHERE day >= ? GROUP BY query
         HAVING found >= ? ORDER BY found DESC, query LIMIT ?`,
      )
      .all(utcDay(now - (POPULAR_DAYS - 1) * DAY_MS), MIN_SEARCHES_SHOWN, limit) as { query: string; found: number }[];
    return { queries: rows.map((r) => ({ query: r.query, searches: r.found })) };
  }

  /** The admin report over the last `days` days (today included). */
  report(days: number, now = Date.now()): AdminAnalytics & { queriesOverCap: number } {
    const since = utcDay(now - (days - 1) * DAY_MS);
    const top = this.db
      .prepare(
        `SELECT query, SUM(searches) AS searches, SUM(results) AS results, SUM(clicks) AS clicks FROM query_days WHERE day >= ?
         GROUP BY query HAVING SUM(searches) >= ? ORDER BY searches DESC, query LIMIT ?`,
      )
      .all(since, MIN_SEARCHES_SHOWN, LIST_LIMIT) as { query: string; searches: number; results: number; clicks: number }[];
    const zero = this.db
      .prepare(
        `SELECT query, SUM(zero_results) AS searches FROM query_days WHERE day >= ?
         GROUP BY query HAVING SUM(zero_results) >= ? ORDER BY searches DESC, query LIMIT ?`,
      )
      .all(since, MIN_SEARCHES_SHOWN, LIST_LIMIT) as { query: string; searches: number }[];
    const totals = this.db
      .prepare(
        'SELECT COALESCE(SUM(searches), 0) AS searches, COALESCE(SUM(clicks), 0) AS clicks, COALESCE(SUM(queries_over_cap), 0) AS overCap FROM day_totals WHERE day >= ?',
      )
      .get(since) as { searches: number; clicks: number; overCap: number };
    const positions = this.db
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
      clickThrough: {
        searches: totals.searches,
        clicks: totals.clicks,
        rate: totals.searches === 0 ? 0 : Math.round((totals.clicks / totals.searches) * 1000) / 1000,
        byPosition,
      },
      queriesOverCap: totals.overCap,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
