import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleVectors } from '@stackguide/contracts/embedder';
import type { SearchDocument, SearchSection } from '@stackguide/contracts/search-index';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byVectorCount, DocumentVectors, vectorField } from './document-vectors.ts';
import type { Embedder } from './embedder-client.ts';
import { VectorStore } from './vector-store.ts';

const doc = (id: string, title: string, excerpt = '', sections: SearchSection[] = []): SearchDocument => ({
  id,
  slug: id,
  url: `/articles/${id}/`,
  title,
  excerpt,
  sections,
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
    return texts.map(fakeVector);
  },
};
/** The fake embedder's vector of a text; what the index gets is `articleVectors` of a document's. */
const fakeVector = (text: string) => [text.length, 1];
const indexed = (...texts: string[]) => articleVectors(texts.map(fakeVector));
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
      { embeddings: indexed('One.'), regenerate: false },
      { embeddings: indexed('Three.'), regenerate: false },
    ]);
    const again = await vectors().attach([doc('a', 'One'), doc('c', 'Three'), doc('d', 'Fourth')]);
    expect(again.map((d) => d._vectors.minilm.embeddings)).toEqual([indexed('One.'), indexed('Three.'), indexed('Fourth.')]);
    expect(embedded).toEqual([['One.', 'Three.'], ['Fourth.']]);
  });

  it("gives an article a vector per section besides its whole's, and re-embeds only a section that changed", async () => {
    const sections = [
      { id: 'pay', heading: 'Pay', text: 'Salaries by region.' },
      { id: 'tools', heading: 'Tools', text: 'Editors and linters.' },
    ];
    const [first] = await vectors().attach([doc('a', 'Roles', 'Who does what.', sections)]);
    expect(first!._vectors.minilm.embeddings).toEqual(
      indexed('Roles. Who does what. Pay. Tools.', 'Pay. Salaries by region.', 'Tools. Editors and linters.'),
    );
    const edited = [sections[0]!, { ...sections[1]!, text: 'Editors, linters and formatters.' }];
    await vectors().attach([doc('a', 'Roles', 'Who does what.', edited)]);
    expect(embedded.at(-1)).toEqual(['Tools. Editors, linters and formatters.']);
  });

  it('writes documents without a vector when the embedder fails, and owes them one until it answers', async () => {
    failing = true;
    const down = await vectors().attach([doc('a', 'One')]);
    expect(down[0]).toMatchObject({ id: 'a', title: 'One', _vectors: { minilm: { embeddings: [], regenerate: false } } });
    expect(store.owed()).toEqual(['a']);
    expect(vectors().owes('a')).toBe(true);
    failing = false;
    const up = await vectors().attach([doc('a', 'One')]);
    expect(up[0]!._vectors.minilm.embeddings).toEqual(indexed('One.'));
    expect(store.owed()).toEqual([]);
  });

  it('writes a document without vectors while one of its texts is still unembedded', async () => {
    await vectors().attach([doc('a', 'One')]);
    failing = true;
    const [edited] = await vectors().attach([doc('a', 'One', '', [{ id: 'new', heading: 'New', text: 'Section.' }])]);
    expect(edited!._vectors.minilm.embeddings).toEqual([]);
    expect(store.owed()).toEqual(['a']);
  });

  it('forgets what a deleted document owed', async () => {
    failing = true;
    await vectors().attach([doc('a', 'One'), doc('b', 'Two')]);
    vectors().forget(['a']);
    expect(store.owed()).toEqual(['b']);
  });
});

describe('byVectorCount', () => {
  const withVectors = (id: string, count: number) => ({
    ...doc(id, id),
    _vectors: vectorField(Array.from({ length: count }, () => [1, 0])),
  });

  it('cuts runs at the most vectors a request may carry, keeping the order', () => {
    const docs = [withVectors('a', 3), withVectors('b', 2), withVectors('c', 4), withVectors('d', 1)];
    expect(byVectorCount(docs, 5).map((run) => run.map((d) => d.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('sends a document with more vectors than that alone', () => {
    const docs = [withVectors('a', 1), withVectors('big', 9), withVectors('none', 0), withVectors('b', 2)];
    expect(byVectorCount(docs, 5).map((run) => run.map((d) => d.id))).toEqual([['a'], ['big'], ['none', 'b']]);
  });
});
