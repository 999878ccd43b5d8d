import { describe, expect, it } from 'vitest';
import { entriesOf, latestEntries } from './latest.ts';
import { parseResult } from './result-file.ts';

const result = (file: string, name: string, at: string, params?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseResult(file, { name, at, machine: { cpus: 2 }, ...(params ? { params } : {}), ...extra });

describe('latestEntries', () => {
  it('keeps the latest result per bench and article count; sample counts do not split them', () => {
    const picked = latestEntries([
      result('p1.json', 'publish-latency', '2030-01-01T10:00:00.000Z', { articles: 10000, samples: 200 }),
      result('p2.json', 'publish-latency', '2030-01-02T10:00:00.000Z', { articles: 10000, samples: 20 }),
      result('p3.json', 'publish-latency', '2029-01-01T10:00:00.000Z', { articles: 1000, samples: 200 }),
    ]);
    expect(picked.map((e) => [e.workload.articles, e.result.file])).toEqual([
      [1000, 'p3.json'],
      [10000, 'p2.json'],
    ]);
  });
  it('keeps the running system apart from bench-started systems, whatever --articles it recorded', () => {
    const picked = latestEntries([
      result('r1.json', 'reindex', '2030-01-03T10:00:00.000Z', { articles: 10000, running: true }),
      result('r2.json', 'reindex', '2030-01-02T10:00:00.000Z', { articles: 10000, running: false }),
      result('r3.json', 'reindex', '2030-01-01T10:00:00.000Z', { articles: 10000 }),
    ]);
    expect(picked.map((e) => [e.workload, e.result.file])).toEqual([
      [{ articles: 10000, running: false }, 'r2.json'],
      [{ articles: undefined, running: true }, 'r1.json'],
    ]);
  });
  it('keeps a run with the embedder apart from one without, listed after it', () => {
    const picked = latestEntries([
      result('s1.json', 'keystroke', '2030-01-02T10:00:00.000Z', { articles: 10000, semantic: true }),
      result('k1.json', 'keystroke', '2030-01-01T10:00:00.000Z', { articles: 10000, semantic: false }),
    ]);
    expect(picked.map((e) => [e.workload, e.result.file])).toEqual([
      [{ articles: 10000, running: false }, 'k1.json'],
      [{ articles: 10000, running: false, semantic: true }, 's1.json'],
    ]);
  });
  it('counts a relevance result without --articles as the seeded site, so a later seeded run replaces it', () => {
    const picked = latestEntries([
      result('old.json', 'relevance', '2030-01-01T10:00:00.000Z', {}),
      result('seeded.json', 'relevance', '2030-01-02T10:00:00.000Z', { articles: 0 }),
      result('big.json', 'relevance', '2030-01-03T10:00:00.000Z', { articles: 10000 }),
    ]);
    expect(picked.map((e) => [e.workload.articles, e.result.file])).toEqual([
      [0, 'seeded.json'],
      [10000, 'big.json'],
    ]);
  });
  it('skips withdrawn files, so an older result stands', () => {
    const files = [
      result('old.json', 'relevance', '2030-01-01T10:00:00.000Z'),
      result('reverted.json', 'relevance', '2030-01-02T10:00:00.000Z'),
    ];
    expect(latestEntries(files).map((e) => e.result.file)).toEqual(['reverted.json']);
    expect(latestEntries(files, { 'reverted.json': 'a change that was reverted' }).map((e) => e.result.file)).toEqual(['old.json']);
  });
  it('breaks a tie of the same instant by file name, whatever order the files come in', () => {
    const a = result('s-a.json', 'search', '2030-01-01T10:00:00.000Z', { articles: 10 });
    const b = result('s-b.json', 'search', '2030-01-01T10:00:00.000Z', { articles: 10 });
    expect(latestEntries([a, b])[0]!.result.file).toBe('s-b.json');
    expect(latestEntries([b, a])[0]!.result.file).toBe('s-b.json');
  });
  it('orders benches by name and a bench’s workloads by size, the running system last', () => {
    const picked = latestEntries([
      result('x.json', 'site-publish', '2030-01-01T10:00:00.000Z', { articles: 10000, running: true }),
      result('y.json', 'site-publish', '2030-01-01T10:00:00.000Z', { articles: 10000 }),
      result('z.json', 'drill-meili-kill', '2030-01-01T10:00:00.000Z'),
      result('w.json', 'site-publish', '2030-01-01T10:00:00.000Z', { articles: 100 }),
    ]);
    expect(picked.map((e) => e.result.file)).toEqual(['z.json', 'w.json', 'y.json', 'x.json']);
  });
});

describe('entriesOf', () => {
  it('gives site-build one entry per size it built, so a later run of one size leaves the others', () => {
    const both = result(
      'b1.json',
      'site-build',
      '2030-01-01T10:00:00.000Z',
      { sizes: [100, 10000] },
      { results: [{ articles: 100 }, { articles: 10000 }] },
    );
    const big = result('b2.json', 'site-build', '2030-01-02T10:00:00.000Z', { sizes: [10000] }, { results: [{ articles: 10000 }] });
    expect(entriesOf(both).map((e) => e.figures)).toEqual([{ articles: 100 }, { articles: 10000 }]);
    expect(latestEntries([both, big]).map((e) => [e.workload.articles, e.result.file])).toEqual([
      [100, 'b1.json'],
      [10000, 'b2.json'],
    ]);
  });
  it('records no article count for a drill written before drills recorded params', () => {
    expect(entriesOf(result('d.json', 'drill-sync-kill', '2030-01-01T10:00:00.000Z'))[0]!.workload).toEqual({
      articles: undefined,
      running: false,
    });
  });
});
