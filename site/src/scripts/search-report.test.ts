import type { AnalyticsEvent } from '@stackguide/contracts/analytics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchReporter } from './search-report.ts';
import type { SyncApi } from './sync-api.ts';

let sent: AnalyticsEvent[];
const api: SyncApi = { terms: async () => ({ terms: [], stopWords: [] }), popular: async () => [], report: (e) => sent.push(e) };

beforeEach(() => {
  sent = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('search reporter', () => {
  it('reports the query the results stood still for, not every keystroke', () => {
    const reporter = createSearchReporter(api, 1500);
    for (const q of ['r', 're', 'rea', 'reac', 'react']) {
      reporter.showed(q, 9);
      vi.advanceTimersByTime(200);
    }
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1300);
    expect(sent).toEqual([{ type: 'search', q: 'react', results: 9 }]);
  });

  it('reports each query once per page, in any casing, and a query the header already reported not at all', () => {
    const reporter = createSearchReporter(api, 10);
    reporter.showed('React', 9);
    vi.advanceTimersByTime(10);
    reporter.showed('react ', 9);
    vi.advanceTimersByTime(10);
    reporter.skip('docker');
    reporter.showed('Docker', 3);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual([{ type: 'search', q: 'React', results: 9 }]);
  });

  it('an opened result reports the pending search first, then the click; leaving the page reports what is pending', () => {
    const reporter = createSearchReporter(api, 1500);
    reporter.showed('sql', 4);
    reporter.opened('sql', 4, 2);
    reporter.showed('nosql', 2);
    reporter.flush();
    reporter.showed('', 0);
    reporter.flush();
    expect(sent).toEqual([
      { type: 'search', q: 'sql', results: 4 },
      { type: 'click', q: 'sql', results: 4, position: 2 },
      { type: 'search', q: 'nosql', results: 2 },
    ]);
  });
});
