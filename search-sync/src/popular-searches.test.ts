import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyticsStore } from './analytics-store.ts';
import { createLogger } from './logger.ts';
import { PopularSearches } from './popular-searches.ts';

let dir: string;
let store: AnalyticsStore;
let now: number;
/** What the fake index finds; every question it was asked. */
let findable: Set<string>;
let asked: string[];
let down: boolean;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popular-'));
  store = new AnalyticsStore(dir);
  now = Date.UTC(2026, 11, 1, 12);
  findable = new Set();
  asked = [];
  down = false;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const popular = () =>
  new PopularSearches(
    store,
    async (query) => {
      asked.push(query);
      if (down) throw new Error('Meilisearch is unreachable');
      return findable.has(query);
    },
    createLogger('silent'),
    () => now,
  );

function searchedBy(query: string, visitors: number): void {
  for (let i = 0; i < visitors; i++) store.record({ type: 'search', q: query, results: 7 }, `visitor ${i}`, now);
}

describe('PopularSearches', () => {
  it('shows only the queries the index finds something for, whatever result counts were reported', async () => {
    searchedBy('docker', 4);
    searchedBy('buy cheap pills at spam example', 5);
    searchedBy('kubernetes', 3);
    findable = new Set(['docker', 'kubernetes']);
    expect(await popular().list(5)).toEqual({
      queries: [
        { query: 'docker', visitors: 4 },
        { query: 'kubernetes', visitors: 3 },
      ],
    });
  });

  it('asks the index again only once a visitor was counted, a query hidden, or a minute passed', async () => {
    searchedBy('docker', 3);
    findable.add('docker');
    const p = popular();
    await p.list(5);
    await p.list(5);
    expect(asked).toEqual(['docker']);
    store.setHidden('docker', true);
    expect(await p.list(5)).toEqual({ queries: [] });
    store.setHidden('docker', false);
    searchedBy('graphql', 3);
    expect((await p.list(5)).queries.map((q) => q.query)).toEqual(['docker']);
    expect(asked, 'the verdict on docker is kept').toEqual(['docker', 'graphql']);
    now += 11 * 60_000;
    await p.list(5);
    expect(asked.slice(2).sort()).toEqual(['docker', 'graphql']);
  });

  it('leaves a query out while the index cannot be asked, and shows it once it can', async () => {
    searchedBy('docker', 3);
    findable.add('docker');
    down = true;
    const p = popular();
    expect(await p.list(5)).toEqual({ queries: [] });
    down = false;
    now += 60_000;
    expect(await p.list(5)).toEqual({ queries: [{ query: 'docker', visitors: 3 }] });
  });
});
