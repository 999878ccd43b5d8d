import fs from 'node:fs';
import http from 'node:http';
import { Meilisearch, MeilisearchApiError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { freePort, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddingTexts } from '@stackguide/contracts/embedder';
import { INDEX_SETTINGS } from '@stackguide/contracts/index-settings';
import { EMBEDDER, embedderSettings, INDEX_UID, INDEX_UIDS, SEARCH_KEY_UID, type SearchDocument } from '@stackguide/contracts/search-index';
import { DocumentVectors } from '../src/document-vectors.ts';
import { VectorStore } from '../src/vector-store.ts';
import { toSearchDocument } from '../src/document.ts';
import { MeiliTaskError } from '../src/errors.ts';
import { ensureSearchKey } from '../src/keys.ts';
import { createMeili, ensureIndex, ensureIndexes, waitOk } from '../src/meili.ts';
import { SearchIndex } from '../src/search-index.ts';
import { isOutage } from '../src/retry-policy.ts';
import { CmsReader } from '../src/cms-reader.ts';
import { makeArticle, silentLog, startTestMeili, tempDir } from './helpers.ts';

let dir: string;
let meiliProc: MeiliProcess;
let meili: Meilisearch;

beforeAll(async () => {
  dir = tempDir('meili');
  meiliProc = await startTestMeili(dir);
  meili = createMeili(meiliProc.url, meiliProc.masterKey);
});
afterAll(async () => {
  await meiliProc?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Meilisearch set-up', () => {
  it('creates every index and applies its contract settings, idempotently', async () => {
    await ensureIndexes(meili);
    await ensureIndexes(meili);
    for (const uid of INDEX_UIDS) {
      const settings = await meili.index(uid).getSettings();
      // Every setting of the contract, so one added there cannot be left out of what is applied.
      const { filterableAttributes, ...ordered } = INDEX_SETTINGS[uid];
      expect(settings).toMatchObject(ordered);
      expect([...(settings.filterableAttributes ?? [])].sort()).toEqual([...filterableAttributes].sort());
      expect(await meili.index(uid).fetchPrimaryKey()).toBe('id');
    }
  });

  it('upsert and delete return only once the change is searchable', async () => {
    const index = new SearchIndex(meili);
    const docs = [1, 2, 3].map((n) => toSearchDocument(makeArticle(n)));
    await index.upsert(docs);
    expect((await meili.index(INDEX_UID).search('zebra')).hits).toHaveLength(3);
    await index.delete([docs[0]!.id]);
    const hits = (await meili.index<SearchDocument>(INDEX_UID).search('zebra', { filter: 'roles = "backend-developer"' })).hits;
    expect(hits.map((h) => h.id).sort()).toEqual([docs[1]!.id, docs[2]!.id]);
    expect(await index.stamps()).toEqual(new Map(docs.slice(1).map((d) => [d.id, d.updatedAt])));
  });

  it('adds the embedder to an empty index, never to one holding documents (that takes a reindex)', async () => {
    const embedder = { url: 'http://127.0.0.1:9', apiKey: 'embedder-key-0123456' };
    expect(await ensureIndex(meili, 'semantic_empty', embedder)).toBe(true);
    expect(Object.keys((await meili.index('semantic_empty').getEmbedders()) ?? {})).toEqual(['minilm']);
    expect(await ensureIndex(meili, INDEX_UID, embedder)).toBe(false);
    expect((await meili.index(INDEX_UID).getEmbedders()) ?? {}).toEqual({});
  });

  it('turns a failed task into a MeiliTaskError', async () => {
    const bad = { ...toSearchDocument(makeArticle(9)), id: 'not a valid id!' };
    const error = await new SearchIndex(meili).upsert([bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeiliTaskError);
    expect(error).toMatchObject({ status: 'failed', code: 'invalid_document_id' });
    await expect(waitOk(meili.index(INDEX_UID).deleteDocuments(['x']))).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('waits past its timeout for a task still being indexed when told to wait until done', async () => {
    const docs = Array.from({ length: 2_000 }, (_, i) => toSearchDocument(makeArticle(100 + i)));
    const uid = 'wait-until-done';
    const add = () => meili.index(uid).addDocuments(docs, { primaryKey: 'id' });
    await expect(waitOk(add(), { timeoutMs: 1, interval: 1 })).rejects.toThrow(MeilisearchTaskTimeOutError);
    const task = await waitOk(add(), { timeoutMs: 1, interval: 1, untilDone: true });
    expect(task).toMatchObject({ status: 'succeeded', details: { indexedDocuments: 2_000 } });
    await waitOk(meili.deleteIndex(uid));
  });
});

describe('the wire between search-sync and Meilisearch', () => {
  type Seen = { request: string; body: string; asked?: string; answered?: string };
  /** Forwards to the real Meilisearch, noting each request, its Accept-Encoding and the answer's Content-Encoding. */
  async function recordingProxy(seen: Seen[]) {
    const upstream = new URL(meiliProc.url);
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString();
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const request = `${req.method} ${req.url}`;
          seen.push({ request, body, asked: req.headers['accept-encoding'], answered: answer.headers['content-encoding'] });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(body);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
  }

  it('asks for uncompressed answers, which Meilisearch would otherwise compress', async () => {
    const seen: Seen[] = [];
    const proxy = await recordingProxy(seen);
    try {
      await new SearchIndex(createMeili(proxy.url, meiliProc.masterKey)).upsert([toSearchDocument(makeArticle(7))]);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.every(({ asked, answered }) => asked === 'identity' && answered === undefined)).toBe(true);
      // Node's fetch as it comes: a compressed answer, streamed (see contracts' meili-requests.ts).
      seen.length = 0;
      await fetch(`${proxy.url}/indexes/${INDEX_UID}/documents?limit=5`, { headers: { authorization: `Bearer ${meiliProc.masterKey}` } });
      expect(seen).toMatchObject([{ asked: expect.stringContaining('gzip'), answered: expect.stringMatching(/gzip|br/) }]);
    } finally {
      proxy.close();
    }
  });

  /** Settings naming an embedder nobody listens on: documents bring their vectors, never regenerated. */
  const EMBEDDER_SETTINGS = { url: 'http://127.0.0.1:9', apiKey: 'embedder-key-0123456' };
  async function indexWithEmbedder(uid: string): Promise<void> {
    await waitOk(meili.createIndex(uid, { primaryKey: 'id' }));
    await waitOk(meili.index(uid).updateSettings({ embedders: embedderSettings(EMBEDDER_SETTINGS.url, EMBEDDER_SETTINGS.apiKey) }));
  }
  /** Vectors as search-sync attaches them, from an embedder answering with `embed` (store under `dir`, removed after). */
  const vectorsFrom = (embed: (texts: string[]) => Promise<number[][]>) =>
    new DocumentVectors({
      embedder: { embed, healthy: async () => true },
      store: new VectorStore(fs.mkdtempSync(`${dir}/vectors-`)),
      log: silentLog,
      settings: EMBEDDER_SETTINGS,
    });
  /** Vectors from an embedder that answers `vector` for every text. */
  const fixedVectors = (vector: number[]) => vectorsFrom(async (texts) => texts.map(() => vector));
  /** A unit vector along dimension `k`. */
  const axis = (k: number) => Array.from({ length: 384 }, (_, i) => (i === k ? 1 : 0));

  it('writes articles without their vectors first, then the vectors alone', async () => {
    const uid = 'two_steps';
    await indexWithEmbedder(uid);
    const vector = axis(1);
    const vectors = fixedVectors(vector);
    const seen: Seen[] = [];
    const proxy = await recordingProxy(seen);
    try {
      const doc = toSearchDocument(makeArticle(11));
      await new SearchIndex(createMeili(proxy.url, meiliProc.masterKey), uid, vectors).upsert([doc]);
      const writes = seen.filter(
        ({ request }) => request.startsWith(`POST /indexes/${uid}/documents`) || request.startsWith(`PUT /indexes/${uid}/documents`),
      );
      expect(writes.map(({ request }) => request.split('?')[0])).toEqual([
        `POST /indexes/${uid}/documents`,
        `PUT /indexes/${uid}/documents`,
      ]);
      expect(JSON.parse(writes[0]!.body)).toEqual([{ ...doc, _vectors: { [EMBEDDER]: { embeddings: [], regenerate: false } } }]);
      const embeddings = embeddingTexts(doc).map(() => vector);
      expect(JSON.parse(writes[1]!.body)).toEqual([{ id: doc.id, _vectors: { [EMBEDDER]: { embeddings, regenerate: false } } }]);
      // Once upsert returns, the article is whole: its words and its vector (the embedder is never called).
      const byMeaning = await meili.index(uid).search('', { vector, hybrid: { embedder: EMBEDDER, semanticRatio: 1 }, limit: 1 });
      expect(byMeaning.hits.map((hit) => hit.id)).toEqual([doc.id]);
      expect((await meili.index(uid).search(doc.title)).hits.map((hit) => hit.id)).toEqual([doc.id]);
    } finally {
      proxy.close();
      await waitOk(meili.deleteIndex(uid));
    }
  });

  it('embeds an article only once its words are searchable', async () => {
    const uid = 'words_before_embedding';
    await indexWithEmbedder(uid);
    const doc = toSearchDocument(makeArticle(15));
    const foundWhenEmbedded: boolean[] = [];
    const vectors = vectorsFrom(async (texts) => {
      const { hits } = await meili.index(uid).search(doc.title);
      foundWhenEmbedded.push(hits.some((hit) => hit.id === doc.id));
      return texts.map(() => axis(0));
    });
    try {
      await new SearchIndex(meili, uid, vectors).upsert([doc]);
      expect(foundWhenEmbedded).toEqual([true]);
    } finally {
      await waitOk(meili.deleteIndex(uid));
    }
  });

  it('keeps the old vectors of an edited article while its new words go in and its new vectors are embedded', async () => {
    const uid = 'edit_keeps_vectors';
    await indexWithEmbedder(uid);
    const vectorsOf = async (id: string) => {
      const held = await meili.httpRequest.get<{ _vectors: Record<string, { embeddings: number[][] }> }>({
        path: `indexes/${uid}/documents/${id}`,
        params: { retrieveVectors: true },
      });
      return held._vectors[EMBEDDER]!.embeddings.map((vector) => vector.indexOf(1));
    };
    const doc = toSearchDocument(makeArticle(16));
    const edited = { ...doc, title: 'Okapi field notes' };
    const seenWhileEmbedding: unknown[] = [];
    const editVectors = vectorsFrom(async (texts) => {
      const { hits } = await meili.index(uid).search('okapi');
      seenWhileEmbedding.push({ words: hits.map((hit) => hit.id), vectors: await vectorsOf(doc.id) });
      return texts.map(() => axis(5));
    });
    try {
      await new SearchIndex(meili, uid, fixedVectors(axis(4))).upsert([doc]);
      const old = await vectorsOf(doc.id);
      expect(old.length).toBeGreaterThan(0);
      expect(new Set(old)).toEqual(new Set([4]));
      await new SearchIndex(meili, uid, editVectors).upsert([edited], new Set([doc.id]));
      expect(seenWhileEmbedding).toEqual([{ words: [doc.id], vectors: old }]);
      expect(new Set(await vectorsOf(doc.id))).toEqual(new Set([5]));
    } finally {
      await waitOk(meili.deleteIndex(uid));
    }
  });

  it('ranks an article by meaning by the nearest of its vectors, a section blended with the whole', async () => {
    const uid = 'sections_by_meaning';
    await indexWithEmbedder(uid);
    // The whole of every article points one way and the section another; the plain article has no section.
    const vectors = vectorsFrom(async (texts) => texts.map((t) => axis(t.startsWith('Pay.') ? 2 : t.includes('Sectioned') ? 0 : 1)));
    const plain = { ...toSearchDocument(makeArticle(13)), title: 'Plain', excerpt: '', content: '' };
    const sectioned = {
      ...toSearchDocument(makeArticle(14)),
      title: 'Sectioned',
      excerpt: '',
      content: '',
      sections: [{ id: 'pay', heading: 'Pay', text: 'Salaries by region.' }],
    };
    try {
      await new SearchIndex(meili, uid, vectors).upsert([plain, sectioned]);
      const byMeaning = await meili
        .index(uid)
        .search('', { vector: axis(2), hybrid: { embedder: EMBEDDER, semanticRatio: 1 }, limit: 2, showRankingScore: true });
      expect(byMeaning.hits.map((hit) => hit.id)).toEqual([sectioned.id, plain.id]);
      // The section's vector, not the whole's (orthogonal to the query), ranks it.
      expect(byMeaning.hits[0]!._rankingScore).toBeGreaterThan(byMeaning.hits[1]!._rankingScore! + 0.1);
    } finally {
      await waitOk(meili.deleteIndex(uid));
    }
  });

  it('owes the vectors of articles whose words went in when the vectors were refused', async () => {
    const uid = 'vectors_refused';
    await indexWithEmbedder(uid);
    // One dimension short of the embedder's 384: Meilisearch fails the task.
    const vectors = fixedVectors(Array.from({ length: 383 }, () => 0.05));
    const doc = toSearchDocument(makeArticle(12));
    try {
      await expect(new SearchIndex(meili, uid, vectors).upsert([doc])).rejects.toThrow(MeiliTaskError);
      expect((await meili.index(uid).search(doc.title)).hits.map((hit) => hit.id)).toEqual([doc.id]);
      expect(vectors.owed()).toEqual([doc.id]);
    } finally {
      await waitOk(meili.deleteIndex(uid));
    }
  });
});

describe("outage classification of the real clients' errors", () => {
  it('counts a Meilisearch or Strapi that refuses connections as an outage, a rejected document not', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const meiliDown = await new SearchIndex(createMeili(closed, 'any-key'))
      .upsert([toSearchDocument(makeArticle(1))])
      .catch((e: unknown) => e);
    const strapiDown = await new CmsReader(closed, 'any-token').getPublishedArticle('doc0001').catch((e: unknown) => e);
    const rejected = await new SearchIndex(meili)
      .upsert([{ ...toSearchDocument(makeArticle(9)), id: 'not a valid id!' }])
      .catch((e: unknown) => e);
    expect([meiliDown, strapiDown, rejected].map(isOutage)).toEqual([true, true, false]);
  });
});

describe('search-only key', () => {
  it('is stable, limited to searching the indexes, and recreated with the same value', async () => {
    // A key made by a version that searched articles alone is replaced, keeping its value.
    const old = await meili.createKey({ uid: SEARCH_KEY_UID, actions: ['search'], indexes: [INDEX_UID], expiresAt: null });
    const key = await ensureSearchKey(meili);
    expect(key).toBe(old.key);
    expect(await ensureSearchKey(meili)).toBe(key);
    const info = await meili.getKey(SEARCH_KEY_UID);
    expect(info).toMatchObject({ actions: ['search'], expiresAt: null });
    expect([...info.indexes].sort()).toEqual([...INDEX_UIDS].sort());

    const publicClient = new Meilisearch({ host: meiliProc.url, apiKey: key });
    expect((await publicClient.index(INDEX_UID).search('zebra')).hits.length).toBeGreaterThan(0);
    const denied = await publicClient
      .index(INDEX_UID)
      .addDocuments([{ id: 'x' }])
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(MeilisearchApiError);
    expect((denied as MeilisearchApiError).response.status).toBe(403);

    await meili.deleteKey(SEARCH_KEY_UID);
    expect(await ensureSearchKey(meili)).toBe(key);
  });
});
