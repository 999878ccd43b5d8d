import fs from 'node:fs';
import { freePort, startTestCms, waitFor, type AdminClient, type MeiliProcess, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_UID, type SearchDocument } from '@stackguide/contracts/search-index';
import { reindex } from '../src/reindex.ts';
import type { Service } from '../src/service.ts';
import { cmsSyncConfig, silentLog, startService, startTestMeili, tempDir } from './helpers.ts';

/** Where the admin's "Search settings" form saves. */
const SETTINGS = '/content-manager/single-types/api::search-setting.search-setting';
type Vocabulary = { synonymGroups: { words: string }[]; stopWords: string };

let dir: string;
let meiliProc: MeiliProcess;
let cms: TestCms;
let admin: AdminClient;
let service: Service;

const search = (q: string) => service.meili.index<SearchDocument>(INDEX_UID).search(q, { limit: 20 });
const slugs = async (q: string) => (await search(q)).hits.map((h) => h.slug);
const synonyms = () => service.meili.index(INDEX_UID).getSynonyms();

async function saveVocabulary(change: (v: Vocabulary) => Vocabulary): Promise<void> {
  const { data } = await admin.request<{ data: Vocabulary }>('GET', SETTINGS);
  const next = change({ synonymGroups: data.synonymGroups.map(({ words }) => ({ words })), stopWords: data.stopWords });
  await admin.request('PUT', SETTINGS, next);
}

beforeAll(async () => {
  dir = tempDir('vocabulary');
  const port = await freePort();
  meiliProc = await startTestMeili(dir);
  cms = await startTestCms({ webhookUrl: `http://127.0.0.1:${port}/webhooks/strapi` });
  admin = await cms.admin();
  const started = await startService(cmsSyncConfig(cms, meiliProc.url, dir, port), { backoff: { baseMs: 200, maxMs: 2_000 } });
  service = started.service;
  const { base } = started;
  await waitFor('ready', async () => ((await (await fetch(`${base}/status`)).json()) as { ready: boolean }).ready, { timeoutMs: 60_000 });
});
afterAll(async () => {
  await service?.stop();
  await cms?.stop();
  await meiliProc?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the editors’ vocabulary with real Strapi and Meilisearch', () => {
  it('is applied on start: abbreviations find articles, capitalised stop words are ignored', async () => {
    expect((await synonyms()).wfh).toEqual(expect.arrayContaining(['remote', 'work from home']));
    expect(await service.meili.index(INDEX_UID).getStopWords()).toEqual(expect.arrayContaining(['how', 'How', 'HOW']));
    expect(await slugs('WFH developers')).toContain('why-remote-work-raised-demand-for-web-developers');
    expect((await slugs('How do I become a backend developer'))[0]).toBe('how-to-become-a-backend-developer');
  });

  it('a synonym group saved in the admin changes results within seconds, and removing it changes them back', async () => {
    expect(await slugs('kotlin')).toEqual([]);
    await saveVocabulary((v) => ({ ...v, synonymGroups: [...v.synonymGroups, { words: 'kotlin, java' }] }));
    await waitFor(
      '"kotlin" to find the Java articles',
      async () => (await slugs('kotlin')).includes('server-side-languages-and-the-frameworks-that-pick-them'),
      { timeoutMs: 15_000 },
    );
    await saveVocabulary((v) => ({ ...v, synonymGroups: v.synonymGroups.filter((g) => g.words !== 'kotlin, java') }));
    await waitFor('"kotlin" to find nothing again', async () => (await slugs('kotlin')).length === 0, { timeoutMs: 15_000 });
  });

  it('the periodic reconcile puts back a vocabulary the index lost', async () => {
    await service.meili.index(INDEX_UID).resetSynonyms().waitTask();
    expect(await synonyms()).toEqual({});
    await service.reconcileNow();
    await waitFor('synonyms restored', async () => (await synonyms()).js?.includes('javascript'), { timeoutMs: 15_000 });
  });

  it('a reindex builds the new index with the vocabulary before swapping it in', async () => {
    await saveVocabulary((v) => ({ ...v, synonymGroups: [...v.synonymGroups, { words: 'kotlin, java' }] }));
    await waitFor('"kotlin" synonym live', async () => (await synonyms()).kotlin !== undefined, { timeoutMs: 15_000 });
    const before = { synonyms: await synonyms(), stopWords: await service.meili.index(INDEX_UID).getStopWords() };
    const { progress } = await reindex({ meili: service.meili, strapi: service.strapi, log: silentLog });
    expect(progress.state).toBe('done');
    expect(await synonyms()).toEqual(before.synonyms);
    expect(await service.meili.index(INDEX_UID).getStopWords()).toEqual(before.stopWords);
    expect(await slugs('kotlin')).toContain('server-side-languages-and-the-frameworks-that-pick-them');
  });
});
