import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import type { Meilisearch } from 'meilisearch';
import { startFakeStrapi, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INDEX_UID,
  INDEX_UIDS,
  PAGE_SETTINGS,
  PAGES_INDEX_UID,
  SALARIES_INDEX_UID,
  SEARCH_SETTINGS,
} from '@stackguide/contracts/search-index';
import { createMeili, waitOk } from '../src/meili.ts';
import { SearchIndex } from '../src/search-index.ts';
import { PageIndexes } from '../src/page-index.ts';
import { indexedStamps } from '../src/reconcile.ts';
import { SyncQueue } from '../src/queue.ts';
import { REINDEX_KEY, reindex, type ReindexProgress } from '../src/reindex.ts';
import { CmsReader } from '../src/cms-reader.ts';
import { makeArticle, makeRole, makeSkill, silentLog, startTestMeili, tempDir } from './helpers.ts';

const COUNT = 250;
/** One role page, two salary bands, two skill pages. */
const PAGE_DOCS = 5;
const LIVE = [...INDEX_UIDS].sort();
let dir: string;
let meiliProc: MeiliProcess;
let meili: Meilisearch;
let strapi: FakeStrapi<FeedArticle>;
let queue: SyncQueue;
/** Warning-level lines Meilisearch logged (it logs one for every 404 it answers). */
const meiliWarnings: string[] = [];

beforeAll(async () => {
  dir = tempDir('reindex');
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= COUNT; n++) strapi.put(makeArticle(n));
  strapi.collections.roles.push(makeRole(1));
  strapi.collections.skills.push(makeSkill(1), makeSkill(2));
  meiliProc = await startTestMeili(dir);
  for (const stream of [meiliProc.child.process.stdout, meiliProc.child.process.stderr]) {
    stream?.on('data', (chunk: Buffer) =>
      meiliWarnings.push(
        ...String(chunk)
          .split('\n')
          .filter((line) => /\bWARN\b/.test(line)),
      ),
    );
  }
  meili = createMeili(meiliProc.url, meiliProc.masterKey);
  queue = new SyncQueue(`${dir}/queue`);
});
afterAll(async () => {
  queue?.close();
  await meiliProc?.stop();
  await strapi?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Meilisearch's log lines reach this process a moment after it answered. */
const settledWarnings = async () => {
  await new Promise((r) => setTimeout(r, 200));
  return meiliWarnings;
};

const run = (onProgress?: (p: ReindexProgress) => void) =>
  reindex({
    meili,
    strapi: new CmsReader(strapi.url, strapi.token, 5_000, { documents: 100, stamps: 1000 }),
    log: silentLog,
    queue,
    onProgress,
  });

describe('reindex', () => {
  it('builds every index from scratch when none exists yet, with settings and progress', async () => {
    // `reindex` from the CLI first reads what the indexes held, to tell whether the swap changed them.
    const indexes = { index: new SearchIndex(meili), pageIndexes: new PageIndexes(meili) };
    expect((await indexedStamps(indexes))[INDEX_UID].size).toBe(0);
    const seen: ReindexProgress[] = [];
    const { progress, loaded } = await run((p) => seen.push(p));
    expect(progress).toMatchObject({ state: 'done', done: COUNT + PAGE_DOCS, total: COUNT + PAGE_DOCS });
    // What the run says it loaded is what the live indexes hold: the closing reconcile relies on it.
    expect(loaded).toEqual(await indexedStamps(indexes));
    expect([loaded[INDEX_UID].size, loaded[PAGES_INDEX_UID].size, loaded[SALARIES_INDEX_UID].size]).toEqual([COUNT, 3, 2]);
    // The roles and skills first, then one report per page of 100 articles, then the swap and the end.
    expect([...new Set(seen.map((p) => p.done))]).toEqual([0, PAGE_DOCS + 100, PAGE_DOCS + 200, PAGE_DOCS + COUNT]);
    expect(queue.getMeta<ReindexProgress>(REINDEX_KEY)).toMatchObject({ state: 'done', done: COUNT + PAGE_DOCS });
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid).sort()).toEqual(LIVE);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT);
    expect((await meili.index(INDEX_UID).getSettings()).searchableAttributes).toEqual(SEARCH_SETTINGS.searchableAttributes);
    expect((await meili.index(PAGES_INDEX_UID).getSettings()).searchableAttributes).toEqual(PAGE_SETTINGS.searchableAttributes);
    // Looking for leftovers and for `articles` lists indexes instead of asking for ones that do not exist.
    expect(await settledWarnings()).toEqual([]);
  });

  it('swaps in fresh indexes of every type while searches keep returning full results', async () => {
    strapi.put(makeArticle(9999, { title: 'Zebra newcomer' }));
    strapi.collections.skills.push(makeSkill(3, { name: 'Zebra newcomer care' }));
    let searches = 0;
    let failed = 0;
    let empty = 0;
    let done = false;
    // Every index in one multi-search, as the site asks: articles, pages and a salary question.
    const queries = [
      { indexUid: INDEX_UID, q: 'zebra', limit: 1 },
      { indexUid: PAGES_INDEX_UID, q: 'zebra', limit: 1 },
      { indexUid: SALARIES_INDEX_UID, q: 'zebra keeper salary germany', matchingStrategy: 'all' as const, limit: 5 },
    ];
    const loop = (async () => {
      while (!done) {
        try {
          const [articles, pages, salaries] = (await meili.multiSearch({ queries })).results;
          searches += 1;
          if ((articles?.estimatedTotalHits ?? 0) < COUNT || (pages?.estimatedTotalHits ?? 0) < 3 || salaries?.hits.length !== 2)
            empty += 1;
        } catch {
          failed += 1;
        }
      }
    })();
    try {
      await run();
    } finally {
      done = true;
      await loop;
    }
    expect(searches).toBeGreaterThan(0);
    expect({ failed, empty }).toEqual({ failed: 0, empty: 0 });
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid).sort()).toEqual(LIVE);
    expect((await meili.index(INDEX_UID).search('newcomer')).hits).toHaveLength(1);
    expect((await meili.index(PAGES_INDEX_UID).search('newcomer')).hits).toHaveLength(1);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT + 1);
    expect(await settledWarnings()).toEqual([]);
  });

  it('sends the first page to Meilisearch on its own, so indexing starts while the rest is fetched', async () => {
    const before = (await meili.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;
    await run();
    // The swap renames every mention of the fresh index in the task history to the live one.
    const { results } = await meili.tasks.getTasks({ indexUids: [INDEX_UID], types: ['documentAdditionOrUpdate'] });
    const sent = results
      .filter((t) => t.uid > before)
      .sort((a, b) => a.uid - b.uid)
      .map((t) => (t.details as { receivedDocuments?: number }).receivedDocuments);
    expect(sent).toEqual([100, COUNT + 1 - 100]);
  });

  it('deletes the temporary indexes an interrupted reindex left behind, and nothing else', async () => {
    await waitOk(meili.createIndex(`${INDEX_UID}_1700000000000`));
    await waitOk(meili.createIndex(`${PAGES_INDEX_UID}_1700000000000`));
    await waitOk(meili.createIndex(`${SALARIES_INDEX_UID}_1700000000001`));
    await waitOk(meili.createIndex('articles_plugin'));
    await run();
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid).sort()).toEqual([...LIVE, 'articles_plugin'].sort());
    await waitOk(meili.deleteIndex('articles_plugin'));
  });

  it('leaves the live index alone and cleans up when Strapi fails mid-way', async () => {
    strapi.failWith.clear();
    const client = new CmsReader(strapi.url, 'wrong-token');
    await expect(reindex({ meili, strapi: client, log: silentLog, queue })).rejects.toThrow(/401/);
    expect(queue.getMeta<ReindexProgress>(REINDEX_KEY)).toMatchObject({ state: 'failed' });
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid).sort()).toEqual(LIVE);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT + 1);
  });
});
