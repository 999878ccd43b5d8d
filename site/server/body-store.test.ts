import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Block } from '@stackguide/contracts/blocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchedArticle } from '../src/strapi/schemas.ts';
import { BodyStore, withBody } from './body-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bodies-test-'));
  dirs.push(dir);
  return dir;
};

const paragraph = (text: string): Block => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const article = (documentId: string, body: Block[]) => ({ documentId, title: documentId, body }) as unknown as FetchedArticle;

describe('BodyStore', () => {
  it('keeps a body on disk and gives the article a reference with its reading time and images', () => {
    const store = new BodyStore(tempDir());
    const body = [
      paragraph('word '.repeat(450)),
      { type: 'image', image: { url: '/_astro/a.1.webp', alternativeText: 'a', width: 1, height: 1 } } as Block,
    ];
    const stored = store.put(article('a', body));
    expect(stored.body).toMatchObject({ minutes: 2, images: ['/_astro/a.1.webp'] });
    expect(store.read(stored.body)).toEqual(body);
    expect(store.put(article('b', body)).body.key).toBe(stored.body.key);
    expect(store.put(article('a', [paragraph('edited')])).body.key).not.toBe(stored.body.key);
  });

  it('deletes what the served builds no longer use, also what an earlier process left', () => {
    const dir = tempDir();
    const kept = new BodyStore(dir).put(article('a', [paragraph('kept')])).body;
    const dropped = new BodyStore(dir).put(article('b', [paragraph('dropped')])).body;
    const store = new BodyStore(dir);
    store.retain([kept.key]);
    expect(store.read(kept)).toEqual([paragraph('kept')]);
    expect(() => store.read(dropped)).toThrow(/ENOENT/);
  });

  it("serves a preview's body from memory and writes nothing", () => {
    const dir = tempDir();
    const store = new BodyStore(dir);
    const published = store.put(article('a', [paragraph('published')])).body;
    const { ref, reader } = withBody(store, [paragraph('draft')]);
    expect(reader.read(ref)).toEqual([paragraph('draft')]);
    expect(reader.read(published)).toEqual([paragraph('published')]);
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json'))).toHaveLength(1);
  });
});
