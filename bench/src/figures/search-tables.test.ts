import { describe, expect, it } from 'vitest';
import { keystrokeTable, relevanceTable, searchTable } from './search-tables.ts';
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
