import fs from 'node:fs';
import type { FeedArticle } from '@stackguide/contracts/index-feed';
import { INDEX_UID, MEANING_ONLY } from '@stackguide/contracts/search-index';
import {
  type EmbedderProcess,
  type FakeStrapi,
  type MeiliProcess,
  startFakeStrapi,
  startTestEmbedder,
  waitFor,
} from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.ts';
import { articleEvent, makeArticle, startService, startTestMeili, tempDir, testConfig, webhook } from './helpers.ts';

const API_KEY = 'semantic-test-embedder-key-0123';
/** Articles whose titles and excerpts share no word with the questions below. */
const TOPICS = [
  { title: 'Frontend developer', excerpt: 'Builds the interface people click, tap and read in the browser.' },
  { title: 'Database administrator', excerpt: 'Keeps PostgreSQL tables backed up, tuned and secure.' },
  { title: 'Engineering manager', excerpt: 'Hires, coaches and organises a team of engineers.' },
  { title: 'Site reliability engineer', excerpt: 'Keeps production running: deployments, monitoring, incidents.' },
];
const LATE = { title: 'Technical writer', excerpt: 'Explains software in manuals, guides and API references.' };

let dir = '';
let meili: MeiliProcess;
let embedder: EmbedderProcess;
let embedderPort = 0;
let strapi: FakeStrapi<FeedArticle>;
let service: Service;
let base = '';
let searchKey = '';

const article = (n: number, topic: { title: string; excerpt: string }) => makeArticle(n, { ...topic, slug: `topic-${n}` });
/** A search by meaning as the site's second query asks it, with the search-only key: ids best first. */
async function hybrid(q: string): Promise<{ ids: string[]; semanticHitCount: number }> {
  const res = await fetch(`${meili.url}/indexes/${INDEX_UID}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${searchKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q, hybrid: MEANING_ONLY, limit: 3 }),
  });
  const body = (await res.json()) as { hits: { id: string }[]; semanticHitCount: number };
  return { ids: body.hits.map((h) => h.id), semanticHitCount: body.semanticHitCount };
}

/** Publishes `published` through the fake Strapi and its webhook, and waits until a search for `words` finds something. */
async function publishUntilFound(published: FeedArticle, words: string): Promise<void> {
  strapi.put(published);
  expect((await webhook(`${base}/webhooks/strapi`, articleEvent(published.documentId))).status).toBe(202);
  const found = async () => (await service.meili.index(INDEX_UID).search(words)).hits.length > 0;
  await waitFor(`${published.documentId} searchable by "${words}"`, found, { timeoutMs: 30_000 });
}

beforeAll(async () => {
  dir = tempDir('semantic');
  strapi = await startFakeStrapi<FeedArticle>();
  for (const [i, topic] of TOPICS.entries()) strapi.put(article(i + 1, topic));
  [meili, embedder] = await Promise.all([startTestMeili(dir), startTestEmbedder({ apiKey: API_KEY })]);
  embedderPort = Number(new URL(embedder.url).port);
  const config = testConfig({
    strapiUrl: strapi.url,
    strapiToken: strapi.token,
    meiliUrl: meili.url,
    dataDir: `${dir}/queue`,
    embedder: { url: embedder.url, apiKey: API_KEY },
  });
  ({ service, base } = await startService(config));
  await waitFor('ready', () => service.ready(), { timeoutMs: 120_000 });
  searchKey = ((await (await fetch(`${base}/search-key`)).json()) as { searchKey: string }).searchKey;
});
afterAll(async () => {
  await service?.stop();
  await Promise.all([meili?.stop(), embedder?.stop(), strapi?.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('semantic search (fake Strapi, real embedder and Meilisearch)', () => {
  it('finds an article by what a question means, with the search-only key', async () => {
    expect((await hybrid('who looks after servers when the site goes down at night')).ids[0]).toBe('doc0004');
    expect((await hybrid('someone who leads programmers and helps them grow')).ids[0]).toBe('doc0003');
  });

  it('reindexes with every vector from its store while the embedder is down, and indexes a publish for keywords', async () => {
    await embedder.stop();
    service.reindexRunner.start();
    await waitFor('the reindex', () => !service.reindexRunner.active, { timeoutMs: 120_000 });
    expect(service.status().reindex).toMatchObject({ state: 'done' });
    const { results } = await service.meili.index(INDEX_UID).getDocuments({ retrieveVectors: true, limit: 10 });
    const dimensions = results.map((d) => (d._vectors as { minilm: { embeddings: number[][] } }).minilm.embeddings[0]?.length);
    expect(dimensions).toEqual([384, 384, 384, 384]);

    await publishUntilFound(article(5, LATE), 'technical writer');
    await waitFor('doc0005 owing its vectors', () => service.index.owesVector('doc0005'));

    // An article edited meanwhile takes its new words and keeps its old vectors until it can be embedded again.
    await publishUntilFound(
      { ...article(1, TOPICS[0]!), title: 'Frontend engineer, revised', updatedAt: new Date().toISOString() },
      'revised',
    );
    // Its words land before the embedder is found down (search-sync embeds after writing them).
    await waitFor('doc0001 owing its new vectors', () => service.index.owesVector('doc0001'));
    const { results: held } = await service.meili.index(INDEX_UID).getDocuments({ retrieveVectors: true, limit: 10 });
    const edited = held.find((d) => d.id === 'doc0001')?._vectors as { minilm: { embeddings: number[][] } } | undefined;
    expect(edited?.minilm.embeddings[0]).toHaveLength(384);
  });

  it('gives the article its vector once the embedder answers again', async () => {
    embedder = await startTestEmbedder({ apiKey: API_KEY, port: embedderPort });
    await service.reconcileNow();
    await waitFor('doc0005 embedded', () => !service.index.owesVector('doc0005'), { timeoutMs: 60_000 });
    // The store records the vector when it is sent; Meilisearch applies the update as a task after that.
    await waitFor(
      'doc0005 with its vector in Meilisearch',
      async () => {
        const { results } = await service.meili.index(INDEX_UID).getDocuments({ retrieveVectors: true, limit: 10 });
        const doc = results.find((d) => d.id === 'doc0005');
        return (doc?._vectors as { minilm?: { embeddings?: number[][] } } | undefined)?.minilm?.embeddings?.[0]?.length === 384;
      },
      { timeoutMs: 60_000 },
    );
    const { ids, semanticHitCount } = await hybrid('someone who writes help pages explaining how to use a product');
    expect(ids[0]).toBe('doc0005');
    expect(semanticHitCount).toBeGreaterThan(0);
  });
});
