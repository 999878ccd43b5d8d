import { describe, expect, it } from 'vitest';
import { cleanVerdict, drillTable } from './drill-table.ts';
import { fixtureEntries, rowsOf } from './test-entries.ts';

describe('drill table', () => {
  const rows = rowsOf(drillTable(fixtureEntries()));
  it('gives every system a drill reports on a row, the plugin’s losses included', () => {
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['bad-inputs', 'ours', '20 (0 failed)', '0 / 0 / 0 / 0', '2.96'],
      ['meili-kill', 'ours', '100 (0 failed)', '0 / 0 / 0 / 0', '12.0'],
      ['', 'plugin 0.16.5', '100 (0 failed)', '82 / 0 / 0 / 0', 'never (120 s cap)'],
    ]);
  });
  it('says which bad input was not answered as expected', () => {
    expect(rows[0]![5]).toBe('no secret 401, 1 MB body expected 413, got 0/413');
  });
});

describe('cleanVerdict', () => {
  it('is clean only with nothing lost, extra, stale or duplicated and a convergence time', () => {
    const verdict = { lost: 0, extra: 0, stale: 0, duplicated: 0, convergedAfterMs: 500 };
    expect(cleanVerdict({ verdict })).toBe(true);
    expect(cleanVerdict({ verdict: { ...verdict, stale: 1 } })).toBe(false);
    expect(cleanVerdict({ verdict: { ...verdict, convergedAfterMs: null } })).toBe(false);
    expect(cleanVerdict({ note: 'not applicable' })).toBeUndefined();
  });
});
