import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AdminAnalytics, AnalyticsEvent } from '@stackguide/contracts/analytics';
import { adminReport, MIN_VISITORS_SHOWN } from './analytics-report.ts';
import { normaliseQuery } from './analytics-query.ts';
import { DistinctVisitors } from './distinct-visitors.ts';
import { firstDayOf, utcDay } from './utc-day.ts';

/** Days of analytics kept, today included; older days are deleted. */
export const RETENTION_DAYS = 90;
/**
 * Distinct queries stored per day. Past it, a new query's searches still count in the day's totals
 * but the query itself is not stored, so storage stays bounded (at most 90 × 2,000 rows) however
 * many distinct queries arrive.
 */
export const MAX_QUERIES_PER_DAY = 2000;
/** Days the popular queries are counted over. */
const POPULAR_DAYS = 30;

// `visitors`: the most distinct visitors one process counted that day (distinct-visitors.ts).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS query_days (
  day TEXT NOT NULL,
  query TEXT NOT NULL,
  searches INTEGER NOT NULL DEFAULT 0,
  zero_results INTEGER NOT NULL DEFAULT 0,
  results INTEGER NOT NULL DEFAULT 0,
  clicks INTEGER NOT NULL DEFAULT 0,
  visitors INTEGER NOT NULL DEFAULT 0,
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
CREATE TABLE IF NOT EXISTS hidden_queries (
  query TEXT PRIMARY KEY
) WITHOUT ROWID;
`;

/** What became of one event: counted under its query, counted in the totals only, or not stored at all. */
export type RecordOutcome = 'stored' | 'over-cap' | 'private';

/**
 * Search analytics in SQLite (`analytics.db` in search-sync's data directory): one row per
 * normalised query per day with counts, clicks per result position per day, daily totals, and the
 * queries editors hid. Nothing about the visitor is stored — no address, cookie, user agent or id,
 * not even hashed — and nothing finer than a day.
 */
export class AnalyticsStore {
  readonly db: Database.Database;
  private prunedFor = '';
  private changes = 0;

  constructor(
    dataDir: string,
    private readonly visitors = new DistinctVisitors(),
  ) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'analytics.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const columns = this.db.prepare('PRAGMA table_info(query_days)').all() as { name: string }[];
    // Days stored before visitors were counted show nothing until visitors search them again.
    if (!columns.some((c) => c.name === 'visitors')) this.db.exec('ALTER TABLE query_days ADD COLUMN visitors INTEGER NOT NULL DEFAULT 0');
  }

  /**
   * Counts one event from `visitor` (visitorKey of its address, used in memory only; see
   * RecordOutcome); drops days past the retention first when the day changed.
   */
  record(event: AnalyticsEvent, visitor: string, now = Date.now()): RecordOutcome {
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
      visitors: event.type === 'search' ? (this.visitors.add(query, visitor, now) ?? 0) : 0,
    };
    if (counts.visitors > 0) this.changes++;
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
          `UPDATE query_days SET searches = searches + @searches, zero_results = zero_results + @zero, results = results + @results,
           clicks = clicks + @clicks, visitors = MAX(visitors, @visitors) WHERE day = @day AND query = @query`,
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
          `INSERT INTO query_days (day, query, searches, zero_results, results, clicks, visitors)
           VALUES (@day, @query, @searches, @zero, @results, @clicks, @visitors)`,
        )
        .run(counts);
      return 'stored';
    })();
  }

  /** Deletes every day older than the retention allows. */
  prune(now = Date.now()): void {
    const oldest = firstDayOf(RETENTION_DAYS, now);
    this.db.transaction(() => {
      for (const table of ['query_days', 'click_positions', 'day_totals'])
        this.db.prepare(`DELETE FROM ${table} WHERE day < ?`).run(oldest);
    })();
    this.prunedFor = utcDay(now);
  }

  /**
   * Queries of the last 30 days that at least MIN_VISITORS_SHOWN visitors searched (each counted
   * once a day) and editors did not hide, most visitors first: what may become popular searches once
   * the index confirms they find something (popular-searches.ts).
   */
  popularCandidates(limit: number, now = Date.now()): { query: string; visitors: number }[] {
    return this.db
      .prepare(
        `SELECT query, SUM(visitors) AS visitors FROM query_days WHERE day >= ? AND query NOT IN (SELECT query FROM hidden_queries)
         GROUP BY query HAVING SUM(visitors) >= ? ORDER BY visitors DESC, query LIMIT ?`,
      )
      .all(firstDayOf(POPULAR_DAYS, now), MIN_VISITORS_SHOWN, limit) as { query: string; visitors: number }[];
  }

  /**
   * Hides a query from the popular searches and the admin lists (true), or shows it again (false);
   * kept until changed, whatever days pass. Null when the text is not a query that could be stored.
   */
  setHidden(raw: string, hidden: boolean): string | null {
    const query = normaliseQuery(raw);
    if (query === null) return null;
    if (hidden) this.db.prepare('INSERT OR IGNORE INTO hidden_queries (query) VALUES (?)').run(query);
    else this.db.prepare('DELETE FROM hidden_queries WHERE query = ?').run(query);
    this.changes++;
    return query;
  }

  /** Grows whenever what popularCandidates answers may have changed (a visitor counted, a query hidden or shown). */
  get version(): number {
    return this.changes;
  }

  /** The admin report over the last `days` days (today included). */
  report(days: number, now = Date.now()): AdminAnalytics & { queriesOverCap: number } {
    return adminReport(this.db, days, now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
