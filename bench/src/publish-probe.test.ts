import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMBEDDER } from '@stackguide/contracts/search-index';
import { startMeili, type MeiliProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meiliCall, waitForIdleIndex, type Meili } from './meili-http.ts';
import { benchArticle, hasVectors } from './publish-probe.ts';

const INDEX = 'probe';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-probe-'));
let meiliProcess: MeiliProcess;
let meili: Meili;

beforeAll(async () => {
  meiliProcess = await startMeili({ dataDir: dir, masterKey: 'bench-probe-master-key-0123456789' });
  meili = { url: meiliProcess.url, key: meiliProcess.masterKey };
  await meiliCall(meili, 'PATCH', `/indexes/${INDEX}/settings/embedders`, { [EMBEDDER]: { source: 'userProvided', dimensions: 3 } });
  await waitForIdleIndex(meili, INDEX, 30_000);
}, 60_000);
afterAll(async () => {
  await meiliProcess?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function write(doc: Record<string, unknown>): Promise<void> {
  const { status } = await meiliCall(meili, 'POST', `/indexes/${INDEX}/documents`, [doc]);
  expect(status).toBe(202);
  await waitForIdleIndex(meili, INDEX, 30_000);
}

describe('hasVectors (real Meilisearch)', () => {
  it('is false while a document has only its words, true once its vectors are in', async () => {
    await write({ id: 'a', title: 'words first' });
    expect(await hasVectors(meili, INDEX, 'a')).toBe(false);
    await write({ id: 'a', title: 'words first', _vectors: { [EMBEDDER]: [[1, 0, 0]] } });
    expect(await hasVectors(meili, INDEX, 'a')).toBe(true);
    expect(await hasVectors(meili, INDEX, 'missing')).toBe(false);
  });
});

describe('benchArticle', () => {
  it('names its token in the title and in every paragraph, so no text of it is embedded already', () => {
    const article = benchArticle('zqtoken') as { title: string; body: { type: string; children: { text: string }[] }[] };
    expect(article.title).toContain('zqtoken');
    const paragraphs = article.body.filter((block) => block.type === 'paragraph');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs.every((p) => p.children[0]!.text.includes('zqtoken'))).toBe(true);
  });
});
