import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Entry, latestEntries } from './latest.ts';
import { readResults } from './result-file.ts';

/** Small results files of every bench, old and new shapes, for the figures tests. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The fixture that stands for a reverted change: later than every other 10,000-article publish result. */
export const FIXTURE_WITHDRAWN = { 'publish-latency-2030-01-03T10-00-00-000Z.json': 'stands for a reverted change' };

export const fixtureEntries = (): Entry[] => latestEntries(readResults(FIXTURES), FIXTURE_WITHDRAWN);

/** A Markdown table's body rows as cells (header and rule dropped), to assert on. */
export function rowsOf(table: string): string[][] {
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.slice(2, -2).split(' | '));
}
