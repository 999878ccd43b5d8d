import { describe, expect, it } from 'vitest';
import { currentFiguresTable } from './current-figures.ts';
import { latestEntries } from './latest.ts';
import { parseResult } from './result-file.ts';
import { fixtureEntries, rowsOf } from './test-entries.ts';

describe('current figures table', () => {
  const rows = rowsOf(currentFiguresTable(fixtureEntries()));
  const row = (what: string) => rows.find((r) => r[0] === what);

  it('takes each bench at its largest article count, and the running system apart', () => {
    expect(row('publish → searchable, p50 / p95 (10,000 articles)')).toEqual([
      'publish → searchable, p50 / p95 (10,000 articles)',
      '110 / 140 ms',
      'plugin 90 / 170 ms',
      'p95 ≤ 150 ms',
      'met',
      '2 × AMD EPYC, Node v24.22.3, 2030-01-02',
    ]);
    expect(row('publish → searchable on the running system, p50 / p95')?.slice(1, 5)).toEqual([
      '128 / 185 ms',
      '–',
      'p95 ≤ 150 ms',
      'not met',
    ]);
    expect(row('keystroke → results painted, p50 / p95 (10,000 articles)')?.[1]).toBe('31.4 / 49.8 ms');
  });
  it('judges reindex speed against the floor and the searches during it as two targets', () => {
    expect(row("reindex speed ÷ Meilisearch's floor, median of rounds (10,000 articles)")?.slice(1, 5)).toEqual([
      '0.76× (21.4 s)',
      'floor 16 s, plugin 23.3 s',
      '≥ 0.9×',
      'not met',
    ]);
    expect(row('searches failed / empty during a reindex (10,000 articles)')?.slice(1, 5)).toEqual([
      '0 / 0',
      'plugin 20 / 342',
      '0 / 0',
      'met',
    ]);
  });
  it('is not met when one of publish, edit and unpublish misses the target', () => {
    expect(row('publish / edit / unpublish → page live, p95 (10,000 articles)')?.slice(1, 5)).toEqual([
      '1.83 / 1.51 / 6.20 s',
      '–',
      'p95 ≤ 5 s',
      'not met',
    ]);
  });
  it('sums the drills up, naming what the plugin lost and the machines they ran on', () => {
    expect(row('fault drills: lost / extra / stale / duplicated')?.slice(1)).toEqual([
      '0 in all 2 drills',
      'plugin lost 82 of 100 (meili-kill)',
      '0 in every drill',
      'met',
      '2 × Intel Xeon, Node v20.20.2, 2029-06-01',
    ]);
  });
  it('is not met when our side of one drill lost something', () => {
    const drill = (name: string, lost: number) =>
      parseResult(`${name}.json`, {
        name,
        at: '2030-01-01T00:00:00.000Z',
        rows: [{ system: 'ours', verdict: { lost, extra: 0, stale: 0, duplicated: 0, convergedAfterMs: 900 } }],
      });
    const [only] = rowsOf(currentFiguresTable(latestEntries([drill('drill-a', 0), drill('drill-b', 3)])));
    expect(only?.slice(1, 5)).toEqual(['0 in 1 of 2 drills', '–', '0 in every drill', 'not met']);
  });
  it('leaves out the rows of benches without results', () => {
    const only = latestEntries([
      parseResult('s.json', {
        name: 'search',
        at: '2030-01-01T00:00:00.000Z',
        params: { articles: 10 },
        ours: { proc: { p50: 2, p95: 11 } },
      }),
    ]);
    expect(rowsOf(currentFiguresTable(only)).map((r) => [r[1], r[4], r[5]])).toEqual([
      ['2 / 11 ms', 'not met', 'machine not recorded, 2030-01-01'],
    ]);
  });
});
