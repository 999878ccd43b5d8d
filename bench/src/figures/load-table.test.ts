import { describe, expect, it } from 'vitest';
import { currentFiguresTable } from './current-figures.ts';
import { loadTable } from './load-table.ts';
import { fixtureEntries, rowsOf } from './test-entries.ts';

describe('load table', () => {
  const rows = rowsOf(loadTable(fixtureEntries()));

  it('has one row per endpoint, publish → live, the verdict and the source on the first', () => {
    expect(rows.map((r) => r[1])).toEqual([
      'site: home',
      'site: article',
      'search (multi-search, results + facets)',
      'analytics beacon (POST /analytics)',
    ]);
    expect(rows[0]).toEqual([
      '10,000 articles',
      'site: home',
      '3',
      '100',
      '20 / 90',
      '0',
      '0',
      '1.50 / 2.40',
      '20',
      'not met',
      '5.50',
      '2 × AMD EPYC, Node v24.22.3, 2030-01-02, load 1.50',
      '`load-2030-01-02T10-00-00-000Z.json`',
    ]);
    expect(rows[3]!.slice(0, 8)).toEqual(['', 'analytics beacon (POST /analytics)', '4', '40', '3 / 30', '0', '5', '']);
  });

  it('puts req/s per kind of endpoint, the errors and publish → live in the current figures, not met with an error', () => {
    const row = rowsOf(currentFiguresTable(fixtureEntries())).find((r) => r[0]!.startsWith('load:'));
    expect(row?.slice(0, 5)).toEqual([
      'load: req/s pages / search / beacons; errors; page live p95 (10,000 articles)',
      '400 / 201 / 40; 2 errors; 2.40 s',
      '–',
      '0 errors; p95 ≤ 5 s',
      'not met',
    ]);
  });
});
