import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsStore, MAX_QUERIES_PER_DAY, RETENTION_DAYS } from './analytics-store.ts';
import { DistinctVisitors } from './distinct-visitors.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
let store: AnalyticsStore | undefined;
let dir = '';

function open(): AnalyticsStore {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analytics-'));
  store = new AnalyticsStore(dir);
  return store;
}
/** The same data directory opened again, as after a restart: a fresh process counts visitors anew. */
function reopen(): AnalyticsStore {
  store?.close();
  store = new AnalyticsStore(dir, new DistinctVisitors());
  return store;
}
afterEach(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, results = 4) => ({ type: 'search' as const, q, results });
const click = (q: string, position: number) => ({ type: 'click' as const, q, results: 4, position });

describe('AnalyticsStore', () => {
  it('lists a query only once 3 visitors searched it, counted under its normalised form', () => {
    const s = open();
    s.record(search('Kubernetes salary'), 'a', NOW);
    s.record(search('kubernetes  SALARY'), 'b', NOW);
    expect(s.popularCandidates(5, NOW)).toEqual([]);
    expect(s.report(30, NOW).topQueries).toEqual([]);
    s.record(search(' kubernetes salary', 6), 'c', NOW - DAY);
    expect(s.popularCandidates(5, NOW)).toEqual([{ query: 'kubernetes salary', visitors: 3 }]);
    expect(s.report(30, NOW).topQueries).toEqual([{ query: 'kubernetes salary', searches: 3, avgResults: 4.7, clicks: 0 }]);
    expect(s.report(1, NOW).topQueries, 'yesterday is outside a one-day report').toEqual([]);
  });

  it('counts one visitor once a day, however many reports it sends', () => {
    const s = open();
    for (let i = 0; i < 50; i++) s.record(search('buy cheap pills', 7), 'one client', NOW);
    s.record(search('buy cheap pills', 7), 'second client', NOW);
    expect(s.popularCandidates(5, NOW)).toEqual([]);
    expect(s.report(30, NOW).topQueries).toEqual([]);
    expect(s.db.prepare('SELECT searches, visitors FROM query_days').get() as object).toEqual({ searches: 51, visitors: 2 });
  });

  it('never counts a visitor twice in a day across a restart, and keeps what the day reached', () => {
    let s = open();
    for (const visitor of ['a', 'b']) s.record(search('graphql'), visitor, NOW);
    s = reopen();
    for (const visitor of ['a', 'b']) s.record(search('graphql'), visitor, NOW);
    expect(s.popularCandidates(5, NOW), 'the same two visitors again').toEqual([]);
    s.record(search('graphql'), 'c', NOW);
    expect(s.popularCandidates(5, NOW)).toEqual([{ query: 'graphql', visitors: 3 }]);
  });

  it('keeps a hidden query out of the candidates and the admin lists until it is shown again, also after a restart', () => {
    let s = open();
    for (const visitor of ['a', 'b', 'c']) s.record(search('rust salary', 0), visitor, NOW);
    expect(s.setHidden('Rust  Salary', true)).toBe('rust salary');
    expect(s.setHidden('jane@example.com', true), 'not a query analytics could hold').toBeNull();
    s = reopen();
    expect(s.popularCandidates(5, NOW)).toEqual([]);
    expect(s.report(30, NOW)).toMatchObject({ topQueries: [], zeroResultQueries: [], hiddenQueries: ['rust salary'] });
    const before = s.version;
    s.setHidden('rust salary', false);
    expect(s.version).toBeGreaterThan(before);
    expect(s.popularCandidates(5, NOW)).toEqual([{ query: 'rust salary', visitors: 3 }]);
    expect(s.report(30, NOW).hiddenQueries).toEqual([]);
  });

  it('lists zero-result queries apart', () => {
    const s = open();
    for (const visitor of ['a', 'b', 'c', 'd']) s.record(search('rust salary', 0), visitor, NOW);
    expect(s.report(30, NOW)).toMatchObject({
      topQueries: [{ query: 'rust salary', searches: 4, avgResults: 0 }],
      zeroResultQueries: [{ query: 'rust salary', searches: 4 }],
    });
  });

  it('gives days stored before visitors were counted no visitors', () => {
    open().close();
    const db = new Database(path.join(dir, 'analytics.db'));
    db.exec(
      'DROP TABLE query_days; CREATE TABLE query_days (day TEXT, query TEXT, searches INTEGER, zero_results INTEGER, results INTEGER, clicks INTEGER, PRIMARY KEY (day, query)) WITHOUT ROWID',
    );
    db.prepare("INSERT INTO query_days VALUES ('2026-12-01', 'old popular', 40, 0, 80, 3)").run();
    db.close();
    const s = reopen();
    expect(s.popularCandidates(5, NOW)).toEqual([]);
    s.record(search('old popular'), 'a', NOW);
    expect(s.db.prepare('SELECT searches, visitors FROM query_days').get() as object).toEqual({ searches: 41, visitors: 1 });
  });

  it('counts clicks per query and per position for the click-through', () => {
    const s = open();
    for (const visitor of ['a', 'b', 'c', 'd']) s.record(search('react'), visitor, NOW);
    s.record(click('react', 1), 'a', NOW);
    s.record(click('React', 3), 'b', NOW);
    const { topQueries, clickThrough } = s.report(30, NOW);
    expect(topQueries[0]).toMatchObject({ query: 'react', clicks: 2 });
    expect(clickThrough).toEqual({ searches: 4, clicks: 2, rate: 0.5, byPosition: [1, 0, 1] });
  });

  it('stores nothing of a query that looks like an email address or a long number', () => {
    const s = open();
    expect(s.record(search('jane@example.com'), 'a', NOW)).toBe('private');
    expect(s.record(click('call 0170 1234567', 1), 'a', NOW)).toBe('private');
    const rows = s.db.prepare('SELECT * FROM query_days UNION ALL SELECT day, position, clicks, 0, 0, 0, 0 FROM click_positions').all();
    expect(rows).toEqual([]);
  });

  it(`keeps ${RETENTION_DAYS} days and deletes older ones when a new day starts`, () => {
    const s = open();
    const old = NOW - RETENTION_DAYS * DAY;
    for (const visitor of ['a', 'b', 'c']) s.record(search('old query'), visitor, old);
    for (const visitor of ['a', 'b', 'c']) s.record(search('kept query'), visitor, old + DAY);
    s.record(search('today'), 'a', NOW);
    const days = (s.db.prepare('SELECT DISTINCT day FROM query_days ORDER BY day').all() as { day: string }[]).map((r) => r.day);
    expect(days).toEqual(['2026-09-03', '2026-12-01']);
    expect(s.report(90, NOW).topQueries.map((q) => q.query)).toEqual(['kept query']);
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM day_totals WHERE day < ?').get('2026-09-03') as { n: number }).n).toBe(0);
  });

  it(`stores at most ${MAX_QUERIES_PER_DAY} distinct queries a day; the rest count in the totals only`, () => {
    const s = open();
    for (let i = 0; i < MAX_QUERIES_PER_DAY; i++) expect(s.record(search(`query ${i}`), 'a', NOW)).toBe('stored');
    expect(s.record(search('one too many'), 'a', NOW)).toBe('over-cap');
    expect(s.record(search('query 7'), 'a', NOW), 'a stored query keeps counting').toBe('stored');
    expect(s.record(search('fresh day'), 'a', NOW + DAY)).toBe('stored');
    const stored = (s.db.prepare('SELECT COUNT(*) AS n FROM query_days WHERE day = ?').get('2026-12-01') as { n: number }).n;
    expect(stored).toBe(MAX_QUERIES_PER_DAY);
    expect(s.report(2, NOW + DAY)).toMatchObject({ queriesOverCap: 1, clickThrough: { searches: MAX_QUERIES_PER_DAY + 3 } });
  });
});
