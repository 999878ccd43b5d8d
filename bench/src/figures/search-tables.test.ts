import { describe, expect, it } from 'vitest';
import { entriesOf } from './latest.ts';
import { parseResult } from './result-file.ts';
import { embeddersTable, keystrokeTable, relevanceTable, searchTable } from './search-tables.ts';
import { fixtureEntries, rowsOf } from './test-entries.ts';

describe('search table', () => {
  it('shows processing time beside the plugin’s index and each part’s peak memory', () => {
    expect(rowsOf(searchTable(fixtureEntries()))[0]!.slice(0, 8)).toEqual([
      '10,000 articles',
      '200',
      '3 / 8',
      '3 / 9',
      '48.7 / 59.1',
      '1 / 0',
      'our CMS (Strapi) 374 · Meilisearch (both indexes) 1,081',
      'met',
    ]);
  });
});

describe('keystroke table', () => {
  it('keeps the seeded-content run apart from the 10,000-article one, with what it did not measure dashed', () => {
    expect(rowsOf(keystrokeTable(fixtureEntries())).map((r) => r.slice(0, 10))).toEqual([
      ['seeded content', '50', '37.3 / 70.6', '–', '–', '–', '– / 0', '–', 'not met', '–'],
      ['10,000 articles', '200', '31.4 / 49.8', '12.1 / 24.9', '4 / 12.8', '101 / 123', '12 / 0', '7,584', 'met', 'met'],
    ]);
  });
});

describe('relevance table', () => {
  it('puts ours and Pagefind side by side and judges ours by the targets the result carries', () => {
    expect(rowsOf(relevanceTable(fixtureEntries())).map((r) => r.slice(0, 9))).toEqual([
      ['ours', '77', '0.964', '0.948', '0.974', '0 %', '0.925', '0.910 (38)', 'met'],
      ['Pagefind 1.6.0', '77', '0.727', '0.711', '0.737', '5.2 %', '0.550', '0.754 (38)', '–'],
    ]);
  });
});

describe('relevance table with meaning and generated articles', () => {
  const summary = (mrr10: number, zeroResultRate: number) => ({
    queries: 100,
    mrr10,
    hitsAt1: mrr10,
    hitsAt3: mrr10,
    zeroResultRate,
    sectionHits: 0.9,
  });
  const entries = entriesOf(
    parseResult('r.json', {
      name: 'relevance',
      at: '2030-01-01T10:00:00.000Z',
      machine: { cpus: 2 },
      params: { articles: 10000, pagefind: '1.6.0', targets: { mrr10: 0.9, marginOverPagefind: 0.15, zeroResultRate: 0 } },
      summaries: { ours: summary(0.8, 0.06), hybrid: summary(0.92, 0), pagefind: summary(0.6, 0.17) },
      heldOut: { ours: summary(0.8, 0), hybrid: summary(0.9, 0), pagefind: summary(0.6, 0) },
    }),
  );

  it('adds ours with meaning between keyword and Pagefind, names the corpus and judges each of ours', () => {
    expect(rowsOf(relevanceTable(entries)).map((r) => [r[0], r[2], r[5], r[8]])).toEqual([
      ['ours (+10,000 articles)', '0.800', '6 %', 'not met'],
      ['ours, with meaning (+10,000 articles)', '0.920', '0 %', 'met'],
      ['Pagefind 1.6.0 (+10,000 articles)', '0.600', '17 %', '–'],
    ]);
  });
});

describe('embedders table', () => {
  it('lists each model of a run on its own row, the corpus and the source once, a missing figure dashed', () => {
    expect(rowsOf(embeddersTable(fixtureEntries())).map((r) => r.slice(0, 9))).toEqual([
      [
        'seeded content',
        'all-MiniLM-L6-v2 (384 dimensions)',
        '0.850 (23)',
        '0.825 (92)',
        '0.863 (44)',
        '5.90 / 7.80',
        '51',
        '369',
        '2 × AMD EPYC, Node v24.22.3, 2030-01-02, load 0.50',
      ],
      ['', 'Universal Sentence Encoder lite (512 dimensions)', '0.734 (23)', '0.734 (92)', '– (44)', '12.8 / 21.9', '1,016', '276', ''],
    ]);
  });
});
