import type { FeedArticle } from '@stackguide/contracts/index-feed';
import fs from 'node:fs';
import type { Meilisearch } from 'meilisearch';
import { startFakeStrapi, type FakeStrapi, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { toSearchDocument } from '../src/document.ts';
import { createMeili } from '../src/meili.ts';
import { SearchIndex } from '../src/search-index.ts';
import { Metrics } from '../src/metrics.ts';
import { PageIndexes } from '../src/page-index.ts';
import { Processor } from '../src/processor.ts';
import { SyncQueue } from '../src/queue.ts';
import { reindexAndRepair, type RepairDeps } from '../src/reindex-job.ts';
import { CmsReader } from '../src/cms-reader.ts';
import { makeArticle, silentLog, startTestMeili, tempDir } from './helpers.ts';

// The reindex job as `search-sync reindex` runs it: load and swap, then the closing reconcile, which
// compares Strapi with what the run loaded instead of reading every document back.

const COUNT = 120;
let dir: string;
let meiliProc: MeiliProcess;
let meili: Meilisearch;
let strapi: FakeStrapi<FeedArticle>;
let queue: SyncQueue;
/** Called once the reindex has listed every article, before it swaps the new index in. */
let afterListing: () => Promise<void> = async () => undefined;
let fullRebuilds = 0;

/** Strapi as the reindex sees it, with a moment between its last page and the swap. */
class ListingStrapi extends CmsReader {
  override async *publishedArticles(...args: Parameters<CmsReader['publishedArticles']>) {
    yield* super.publishedArticles(...args);
    await afterListing();
  }
}

function deps(): RepairDeps {
  const client = new ListingStrapi(strapi.url, strapi.token, 5_000, { documents: 50, stamps: 1000 });
  const index = new SearchIndex(meili);
  const pageIndexes = new PageIndexes(meili);
  const processor = new Processor({
    queue,
    strapi: client,
    index,
    pageIndexes,
    metrics: new Metrics(),
    log: silentLog,
    applyVocabulary: async () => undefined,
  });
  return {
    meili,
    strapi: client,
    index,
    pageIndexes,
    queue,
    buildHook: { changed: (changes) => void (changes === 'all' && fullRebuilds++) },
    log: silentLog,
    async drain(watermark, deadline) {
      while (queue.pendingUpTo(watermark) > 0 && Date.now() < deadline) await processor.runOnce();
    },
  };
}

beforeAll(async () => {
  dir = tempDir('reindex-job');
  strapi = await startFakeStrapi<FeedArticle>();
  for (let n = 1; n <= COUNT; n++) strapi.put(makeArticle(n));
  meiliProc = await startTestMeili(dir);
  meili = createMeili(meiliProc.url, meiliProc.masterKey);
  queue = new SyncQueue(`${dir}/queue`);
  await reindexAndRepair(deps());
});
afterAll(async () => {
  queue?.close();
  await meiliProc?.stop();
  await strapi?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  afterListing = async () => undefined;
  fullRebuilds = 0;
});

const indexedTitle = async (documentId: string) =>
  (await meili.index(INDEX_UID).getDocument(documentId, { fields: ['title'] })).title as string;

describe('reindexAndRepair', () => {
  it('owes the site no rebuild when the swap changes nothing', async () => {
    const { reconcile } = await reindexAndRepair(deps());
    expect(reconcile).toMatchObject({ published: COUNT, indexed: COUNT, missing: 0, stale: 0, orphans: 0, stillQueued: 0 });
    expect(fullRebuilds).toBe(0);
  });

  it('owes the site a full rebuild when the swap changed what is indexed (an unpublish no webhook announced)', async () => {
    const gone = makeArticle(7).documentId;
    strapi.remove(gone);
    await reindexAndRepair(deps());
    expect(fullRebuilds).toBe(1);
    expect((await new SearchIndex(meili).stamps()).has(gone)).toBe(false);
    strapi.put(makeArticle(7));
  });

  it('repairs an edit applied to the old index after its article was listed', async () => {
    const edited = makeArticle(3, { title: 'Edited while the new index loaded', updatedAt: new Date(Date.now() + 60_000).toISOString() });
    afterListing = async () => {
      // The editor saves; the running service applies the webhook to the live index, which the swap is about to replace.
      strapi.put(edited);
      await meili
        .index(INDEX_UID)
        .addDocuments([toSearchDocument(edited)])
        .waitTask();
    };
    const { reconcile } = await reindexAndRepair(deps());
    expect(reconcile).toMatchObject({ stale: 1, missing: 0, orphans: 0, stillQueued: 0 });
    expect(await indexedTitle(edited.documentId)).toBe('Edited while the new index loaded');
  });
});
