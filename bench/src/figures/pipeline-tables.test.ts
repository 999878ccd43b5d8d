import { describe, expect, it } from 'vitest';
import { meiliSettingsTable, publishTable, reindexTable, siteBuildTable, sitePublishTable } from './pipeline-tables.ts';
import { fixtureEntries, rowsOf } from './test-entries.ts';

describe('publish table', () => {
  const rows = rowsOf(publishTable(fixtureEntries()));
  it('has one row per workload, the latest of each, the withdrawn result left out', () => {
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['1,000 articles', '`publish-latency-2029-06-01T10-00-00-000Z.json`'],
      ['10,000 articles', '`publish-latency-2030-01-02T10-00-00-000Z.json`'],
      ['running system', '`publish-latency-2030-01-02T12-00-00-000Z.json`'],
    ]);
  });
  it('shows ours beside the plugin, ours found by meaning, the stages and the verdict on p95', () => {
    expect(rows[1]).toEqual([
      '10,000 articles',
      '10',
      '110 / 140 / 160',
      '90 / 170 / 180',
      '240 / 310',
      '48 / 64',
      '3 · 2 · 52 · 51 · -5',
      '0 / 1',
      'met',
      '2 × AMD EPYC, Node v24.22.3, 2030-01-02, load 1.25',
      '`publish-latency-2030-01-02T10-00-00-000Z.json`',
    ]);
  });
  it('takes the running system’s bare timeout count and leaves the plugin out', () => {
    expect(rows[2]!.slice(2, 9)).toEqual(['128 / 185 / 204', '–', '–', '53 / –', '–', '0 / –', 'not met']);
  });
  it('shows what an old file did not record', () => {
    expect(rows[0]!.at(-2)).toBe('4 × Intel Xeon, 2029-06-01, load not recorded');
    expect(rows[0]!.slice(4, 7)).toEqual(['–', '72 / 81', '–']);
  });
});

describe('reindex table', () => {
  it('judges the median of rounds against the floor and the searches during it', () => {
    expect(rowsOf(reindexTable(fixtureEntries()))[0]!.slice(0, 11)).toEqual([
      '10,000 articles',
      '2',
      '21.4',
      '16 / 16.2',
      '0.76× (0.71×, 0.80×)',
      '0.76×',
      '23.3',
      '–',
      '0 / 0 · 20 / 342',
      'not met',
      'met',
    ]);
  });
});

describe('site-build table', () => {
  const rows = rowsOf(siteBuildTable(fixtureEntries()));
  it('keeps a size a later run did not build, from the older file', () => {
    expect(rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['100 articles', '`site-build-2029-06-01T10-00-00-000Z.json`'],
      ['10,000 articles', '`site-build-2030-01-02T10-00-00-000Z.json`'],
    ]);
  });
  it('dashes what the older shape lacks and judges only the size the target is set for', () => {
    expect(rows[0]!.slice(1, 12)).toEqual(['162', '9.49', '–', '10.4', '0.91×', '416', '–', '–', '–', '4,093', '–']);
    expect(rows[1]!.slice(1, 12)).toEqual([
      '13,378',
      '44',
      '58.3',
      '37.3',
      '1.18×',
      '1,460',
      '1.67 (6)',
      '0.80 (17)',
      '20,273',
      '7,584',
      'met',
    ]);
  });
});

describe('site-publish table', () => {
  it('gives each change a row and groups them under one workload and source', () => {
    const rows = rowsOf(sitePublishTable(fixtureEntries()));
    expect(rows.map((r) => [r[0], r[1], r[4], r[9], r[10] !== ''])).toEqual([
      ['10,000 articles', 'publish', '1.83', 'met', true],
      ['', 'edit', '1.51', 'met', false],
      ['', 'unpublish', '6.20', 'not met', false],
    ]);
  });
});

describe('meili-settings table', () => {
  it('lists every candidate of the latest run', () => {
    const rows = rowsOf(meiliSettingsTable(fixtureEntries()));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['10,000 articles, 10,012 documents, 1 run', 'Meilisearch default', '30.5', '328', '195 / 2,652'],
      ['', '256 MiB', '25.6', '391', '69.7 / 98.8'],
    ]);
  });
});
