import fs from 'node:fs';
import type { MeiliProcess } from '@stackguide/test-kit';
import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSearchDocument } from '../src/document.ts';
import { createMeili, ensureIndexes } from '../src/meili.ts';
import { SearchIndex } from '../src/search-index.ts';
import { articlesToRecheck } from '../src/relation-recheck.ts';
import { makeArticle, startTestMeili, tempDir } from './helpers.ts';

let dir: string;
let meiliProc: MeiliProcess;
let meili: Meilisearch;
let index: SearchIndex;

const backend = { documentId: 'role-backend', slug: 'backend-developer', name: 'Backend developer' };
const pg = { documentId: 'skill-pg', slug: 'postgresql', name: 'PostgreSQL' };

beforeAll(async () => {
  dir = tempDir('recheck');
  meiliProc = await startTestMeili(dir);
  meili = createMeili(meiliProc.url, meiliProc.masterKey);
  await ensureIndexes(meili);
  index = new SearchIndex(meili);
  await index.upsert([
    toSearchDocument(makeArticle(1, { roles: [backend], skills: [pg] })),
    toSearchDocument(makeArticle(2, { roles: [{ ...backend, name: 'Server-side engineer' }], skills: [{ ...pg, name: 'Postgresql' }] })),
    toSearchDocument(makeArticle(3, { roles: [], skills: [] })),
  ]);
});
afterAll(async () => {
  await meiliProc?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('articles a role or skill change has re-read (real Meilisearch)', () => {
  const candidates = ['doc0001', 'doc0002', 'doc0003', 'doc0009'];

  it('leaves out the articles whose documents name the role as it is published now', async () => {
    await expect(articlesToRecheck(index, 'role', backend, candidates)).resolves.toEqual(['doc0002', 'doc0003', 'doc0009']);
    // Renamed: the one that named it by its old name is now the current one.
    await expect(articlesToRecheck(index, 'role', { ...backend, name: 'Server-side engineer' }, candidates)).resolves.toEqual([
      'doc0001',
      'doc0003',
      'doc0009',
    ]);
  });

  it('compares a skill name exactly, where the filter ignores case', async () => {
    await expect(articlesToRecheck(index, 'skill', pg, candidates)).resolves.toEqual(['doc0002', 'doc0003', 'doc0009']);
  });

  it('re-reads every candidate, once, of a page no longer published', async () => {
    await expect(articlesToRecheck(index, 'role', undefined, [...candidates, 'doc0001'])).resolves.toEqual(candidates);
  });

  it('finds every document a filter matches, past the 10,000 one request returns', async () => {
    const many = Array.from({ length: 10_050 }, (_, n) => ({ ...toSearchDocument(makeArticle(100 + n)), content: '', sections: [] }));
    await index.upsert(many);
    const ids = await index.idsMatching('roles', 'backend-developer');
    expect(new Set(ids).size).toBe(10_050 + 2);
  });
});
