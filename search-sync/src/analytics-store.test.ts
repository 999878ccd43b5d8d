import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsStore, MAX_QUERIES_PER_DAY, RETENTION_DAYS } from './analytics-store.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
let store: AnalyticsStore | undefined;
let dir = '';

function open(): AnalyticsStore {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analytics-'));
  store = new AnalyticsStore(dir);
  return store;
}
afterEach(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, results = 4) => ({ type: 'search' as const, q, results });
const click = (q: string, position: number) => ({ type: 'click' as const, q, results: 4, position });

describe('AnalyticsStore', () => {
  it('shows a query only once it was searched at least 3 times, counted under its normalised form', () => {
    const s = open();
    s.record(search('Kubernetes salary'), NOW);
    s.record(search('kubernetes  SALARY'), NOW);
    expect(s.popular(5, NOW).queries).toEqual([]);
    expect(s.report(30, NOW).topQueries).toEqual([]);
    s.record(search(' kubernetes salary', 6), NOW - DAY);
    expect(s.popular(5, NOW).queries).toEqual([{ query: 'kubernetes salary', searches: 3 }]);
    expect(s.report(30, NOW).topQueries).toEqual([{ query: 'kubernetes salary', searches: 3, avgResults: 4.7, clicks: 0 }]);
    expect(s.report(1, NOW).topQueries, 'yesterday is outside a one-day report').toEqual([]);
  });

  it('lists zero-result queries apart and never as popular', () => {
    const s = open();
    for (let i = 0; i < 4; i++) s.record(search('rust salary', 0), NOW);
    expect(s.popular(5, NOW).queries).toEqual([]);
    expect(s.report(30, NOW)).toMatchObject({
      topQueries: [{ query: 'rust salary', searches: 4, avgResults: 0 }],
      zeroResultQueries: [{ query: 'rust salary', searches: 4 }],
    });
  });

  it('counts clicks per query and per position for the click-through', () => {
    const s = open();
    for (let i = 0; i < 4; i++) s.record(search('react'), NOW);
    s.record(click('react', 1), NOW);
    s.record(click('React', 3), NOW);
    const { topQueries, clickThrough } = s.report(30, NOW);
    expect(topQueries[0]).toMatchObject({ query: 'react', clicks: 2 });
    expect(clickThrough).toEqual({ searches: 4, clicks: 2, rate: 0.5, byPosition: [1, 0, 1] });
  });

  it('stores nothing of a query that looks like an email address or a long number', () => {
    const s = open();
    expect(s.record(search('jane@example.com'), NOW)).toBe('private');
    expect(s.record(click('call 0170 1234567', 1), NOW)).toBe('private');
    const rows = s.db.prepare('SELECT * FROM query_days UNION ALL SELECT day, position, clicks, 0, 0, 0 FROM click_positions').all();
    expect(rows).toEqual([]);
  });

  it(`keeps ${RETENTION_DAYS} days and deletes older ones when a new day starts`, () => {
    const s = open();
    const old = NOW - RETENTION_DAYS * DAY;
    for (let i = 0; i < 3; i++) s.record(search('old query'), old);
    for (let i = 0; i < 3; i++) s.record(search('kept query'), old + DAY);
    s.record(search('today'), NOW);
    const days = (s.db.prepare('SELECT DISTINCT day FROM query_days ORDER BY day').all() as { day: string }[]).map((r) => r.day);
    expect(days).toEqual(['2026-09-03', '2026-12-01']);
    expect(s.report(90, NOW).topQueries.map((q) => q.query)).toEqual(['kept query']);
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM day_totals WHERE day < ?').get('2026-09-03') as { n: number }).n).toBe(0);
  });

  it(`stores at most ${MAX_QUERIES_PER_DAY} distinct queries a day; the rest count in the totals only`, () => {
    const s = open();
    for (let i = 0; i < MAX_QUERIES_PER_DAY; i++) expect(s.record(search(`query ${i}`), NOW)).toBe('stored');
    expect(s.record(search('one too many'), NOW)).toBe('over-cap');
    expect(s.record(search('query 7'), NOW), 'a stored query keeps counting').toBe('stored');
    expect(s.record(search('fresh day'), NOW + DAY)).toBe('stored');
    const stored = (s.db.prepare('SELECT COUNT(*) AS n FROM query_days WHERE day = ?').get('2026-12-01') as { n: number }).n;
    expect(stored).toBe(MAX_QUERIES_PER_DAY);
    expect(s.report(2, NOW + DAY)).toMatchObject({ queriesOverCap: 1, clickThrough: { searches: MAX_QUERIES_PER_DAY + 3 } });
  });
});
