import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchDocument } from '@stackguide/contracts/search-index';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentVectors } from './document-vectors.ts';
import type { Embedder } from './embedder-client.ts';
import { VectorStore } from './vector-store.ts';

const doc = (id: string, title: string, excerpt = ''): SearchDocument => ({
  id,
  slug: id,
  url: `/articles/${id}/`,
  title,
  excerpt,
  sections: [],
  content: '',
  roles: [],
  roleNames: [],
  skills: [],
  publishedAt: 0,
  updatedAt: 0,
  readingMinutes: 1,
});

let dir = '';
let store: VectorStore;
let embedded: string[][];
let failing = false;
const embedder: Embedder = {
  healthy: async () => !failing,
  async embed(texts) {
    if (failing) throw new Error('embedder down');
    embedded.push(texts);
    return texts.map((t) => [t.length, 1]);
  },
};
const vectors = () =>
  new DocumentVectors({ embedder, store, log: pino({ level: 'silent' }), settings: { url: 'http://127.0.0.1:1', apiKey: 'key' } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-vectors-'));
  store = new VectorStore(dir);
  embedded = [];
  failing = false;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('DocumentVectors', () => {
  it('embeds each new text once and reuses it afterwards, also for another document with the same text', async () => {
    const first = await vectors().attach([doc('a', 'One'), doc('b', 'Three')]);
    expect(first.map((d) => d._vectors.minilm)).toEqual([
      { embeddings: [3, 1], regenerate: false },
      { embeddings: [5, 1], regenerate: false },
    ]);
    const again = await vectors().attach([doc('a', 'One'), doc('c', 'Three'), doc('d', 'Fourth')]);
    expect(again.map((d) => d._vectors.minilm.embeddings)).toEqual([
      [3, 1],
      [5, 1],
      [6, 1],
    ]);
    expect(embedded).toEqual([['One', 'Three'], ['Fourth']]);
  });

  it('writes documents without a vector when the embedder fails, and owes them one until it answers', async () => {
    failing = true;
    const down = await vectors().attach([doc('a', 'One')]);
    expect(down[0]).toMatchObject({ id: 'a', title: 'One', _vectors: { minilm: { embeddings: [], regenerate: false } } });
    expect(store.owed()).toEqual(['a']);
    expect(vectors().owes('a')).toBe(true);
    failing = false;
    const up = await vectors().attach([doc('a', 'One')]);
    expect(up[0]!._vectors.minilm.embeddings).toEqual([3, 1]);
    expect(store.owed()).toEqual([]);
  });

  it('forgets what a deleted document owed', async () => {
    failing = true;
    await vectors().attach([doc('a', 'One'), doc('b', 'Two')]);
    vectors().forget(['a']);
    expect(store.owed()).toEqual(['b']);
  });
});
