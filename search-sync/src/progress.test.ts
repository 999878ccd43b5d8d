import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.ts';
import type { ReindexProgress } from './reindex.ts';

const p = (done: number, total: number): ReindexProgress => ({ state: 'loading', index: 'articles_1', done, total, startedAt: '' });

describe('progressLine', () => {
  it('shows a bar, done/total, rate and ETA on a terminal', () => {
    expect(progressLine(p(100, 400), 10_000, true)).toBe(`[${'#'.repeat(7)}${'-'.repeat(21)}] loading 100/400 10.0 docs/s ETA 30s`);
  });

  it('prints plain lines otherwise, with an unknown ETA before any progress', () => {
    expect(progressLine(p(0, 400), 0, false)).toBe('loading 0/400 0.0 docs/s ETA ?');
    expect(progressLine(p(200, 2200), 20_000, false)).toBe('loading 200/2200 10.0 docs/s ETA 3m20s');
  });
});
