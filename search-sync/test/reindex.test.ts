import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import type { Meilisearch } from 'meilisearch';
import { startFakeStrapi, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID, SEARCH_SETTINGS } from '@stackguide/contracts/search-index';
import { SearchIndex, createMeili, waitOk } from '../src/meili.ts';
import { SyncQueue } from '../src/queue.ts';
import { REINDEX_KEY, reindex, type ReindexProgress } from '../src/reindex.ts';
import { CmsReader } from '../src/cms-reader.ts';
import { makeArticle, silentLog, startTestMeili, tempDir } from './helpers.ts';

const COUNT = 250;
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
  it('builds `articles` from scratch when it does not exist yet, with settings and progress', async () => {
    // `reindex` from the CLI first reads what the index held, to tell whether the swap changed it.
    expect((await new SearchIndex(meili).stamps()).size).toBe(0);
    const seen: ReindexProgress[] = [];
    const { progress, loaded } = await run((p) => seen.push(p));
    expect(progress).toMatchObject({ state: 'done', done: COUNT, total: COUNT });
    // What the run says it loaded is what the live index holds: the closing reconcile relies on it.
    expect(loaded).toEqual(await new SearchIndex(meili).stamps());
    expect(loaded.size).toBe(COUNT);
    // One report per page of 100, then the swap and the end.
    expect([...new Set(seen.map((p) => p.done))]).toEqual([0, 100, 200, COUNT]);
    expect(queue.getMeta<ReindexProgress>(REINDEX_KEY)).toMatchObject({ state: 'done', done: COUNT });
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid)).toEqual([INDEX_UID]);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT);
    expect((await meili.index(INDEX_UID).getSettings()).searchableAttributes).toEqual(SEARCH_SETTINGS.searchableAttributes);
    // Looking for leftovers and for `articles` lists indexes instead of asking for ones that do not exist.
    expect(await settledWarnings()).toEqual([]);
  });

  it('swaps in a fresh index while searches keep returning full results', async () => {
    strapi.put(makeArticle(9999, { title: 'Zebra newcomer' }));
    let searches = 0;
    let failed = 0;
    let empty = 0;
    let done = false;
    const loop = (async () => {
      while (!done) {
        try {
          const res = await meili.index(INDEX_UID).search('zebra', { limit: 1 });
          searches += 1;
          if (res.hits.length === 0 || (res.estimatedTotalHits ?? 0) < COUNT) empty += 1;
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
    expect(results.map((i) => i.uid)).toEqual([INDEX_UID]);
    expect((await meili.index(INDEX_UID).search('newcomer')).hits).toHaveLength(1);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT + 1);
    expect(await settledWarnings()).toEqual([]);
  });

  it('sends the first page to Meilisearch on its own, so indexing starts while the rest is fetched', async () => {
    const {
      progress: { index },
    } = await run();
    const { results } = await meili.tasks.getTasks({ indexUids: [index], types: ['documentAdditionOrUpdate'] });
    const sent = results.sort((a, b) => a.uid - b.uid).map((t) => (t.details as { receivedDocuments?: number }).receivedDocuments);
    expect(sent).toEqual([100, COUNT + 1 - 100]);
  });

  it('deletes the temporary index an interrupted reindex left behind, and nothing else', async () => {
    await waitOk(meili.createIndex(`${INDEX_UID}_1700000000000`));
    await waitOk(meili.createIndex('articles_plugin'));
    await run();
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid).sort()).toEqual([INDEX_UID, 'articles_plugin']);
    await waitOk(meili.deleteIndex('articles_plugin'));
  });

  it('leaves the live index alone and cleans up when Strapi fails mid-way', async () => {
    strapi.failWith.clear();
    const client = new CmsReader(strapi.url, 'wrong-token');
    await expect(reindex({ meili, strapi: client, log: silentLog, queue })).rejects.toThrow(/401/);
    expect(queue.getMeta<ReindexProgress>(REINDEX_KEY)).toMatchObject({ state: 'failed' });
    const { results } = await meili.getRawIndexes();
    expect(results.map((i) => i.uid)).toEqual([INDEX_UID]);
    expect((await meili.index(INDEX_UID).getStats()).numberOfDocuments).toBe(COUNT + 1);
  });
});
