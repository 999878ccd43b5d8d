import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCms, type TestCms, childEnv } from '@stackguide/test-kit';
import { searchVocabulary } from '@stackguide/demo-content';
import { lanes } from './lanes.ts';

const run = promisify(execFile);
const CMS_DIR = path.resolve(import.meta.dirname, '..');

let cms: TestCms;

async function counts(): Promise<Record<string, number>> {
  const admin = await cms.admin();
  const result: Record<string, number> = {};
  for (const uid of ['api::article.article', 'api::role.role', 'api::skill.skill']) {
    const page = await admin.request<{ pagination: { total: number } }>(
      'GET',
      `/content-manager/collection-types/${uid}?page=1&pageSize=1`,
    );
    result[uid] = page.pagination.total;
  }
  return result;
}

/** The job's output: its result on stdout, then its progress on stderr. */
async function job(script: string, args: string[] = []): Promise<string> {
  const { stdout, stderr } = await run(path.join(CMS_DIR, '..', 'node_modules', '.bin', 'tsx'), [script, ...args], {
    cwd: CMS_DIR,
    env: childEnv({ ...cms.env, DATABASE_FILENAME: cms.databaseFilename }),
  });
  return `${stdout}${stderr}`;
}

async function publicTotal(): Promise<number> {
  const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`);
  return ((await res.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
}

// Both databases: generate writes its rows straight into the CMS's tables.
describe.each(lanes())('jobs on $name', (lane) => {
  beforeAll(async () => {
    cms = await startTestCms({ env: await lane.env() });
  });

  afterAll(async () => {
    await cms?.stop();
  });

  it('generate adds published benchmark articles with progress, shaped as Strapi writes them, and --clean removes only those', async () => {
    const before = await publicTotal();
    const added = await job('scripts/generate.ts', ['--articles', '30']);
    expect(added).toMatch(/generate: articles 30\/30 [\d.]+ articles\/s/);
    expect(await publicTotal()).toBe(before + 30);
    type Listed = {
      documentId: string;
      slug: string;
      title: string;
      roles: unknown[];
      skills: unknown[];
      publishedAt: string;
      firstPublishedAt: string;
    };
    const listed = await fetch(`${cms.url}/api/articles?filters[slug][$startsWith]=gen-&pagination[pageSize]=100&sort=id:asc`);
    const generated = ((await listed.json()) as { data: Listed[] }).data;
    expect(generated).toHaveLength(30);
    expect(new Set(generated.map((a) => a.slug)).size).toBe(30);
    for (const article of generated) {
      expect(article.roles.length).toBeGreaterThan(0);
      expect(article.skills.length).toBe(2);
      // Dated in the past, first and last publish alike, so lists have an order to show.
      expect(article.firstPublishedAt).toBe(article.publishedAt);
      expect(Date.parse(article.firstPublishedAt)).toBeLessThan(Date.now() - 60_000);
    }
    // All but the first are written straight into the tables: an editor can still edit and publish one.
    const bulk = generated.at(-1)!;
    const admin = await cms.admin();
    await admin.updateArticle(bulk.documentId, { title: 'A generated article, edited' });
    await admin.publish(bulk.documentId);
    const edited = await fetch(`${cms.url}/api/articles?filters[documentId][$eq]=${bulk.documentId}`);
    const after = ((await edited.json()) as { data: Listed[] }).data[0]!;
    expect(after).toMatchObject({ title: 'A generated article, edited', firstPublishedAt: bulk.firstPublishedAt });
    expect(after.roles).toEqual(bulk.roles);
    expect(after.skills).toEqual(bulk.skills);
    const removed = await job('scripts/generate.ts', ['--clean']);
    expect(removed).toContain('removed 30 generated articles');
    expect(await publicTotal()).toBe(before);
  });

  it('seeding again (npm run seed) creates nothing and leaves the counts as they were', async () => {
    const before = await counts();
    expect(before).toEqual({ 'api::article.article': 14, 'api::role.role': 3, 'api::skill.skill': expect.any(Number) });
    const output = await job('scripts/seed.ts');
    expect(output).toMatch(/seed: articles 14\/14/);
    expect(output).toMatch(/seed: done, 0 created, \d+ already there/);
    expect(await counts()).toEqual(before);
  });

  it('seed --vocabulary replaces the editors’ vocabulary with the default; seeding alone never touches it', async () => {
    const admin = await cms.admin();
    const settings = '/content-manager/single-types/api::search-setting.search-setting';
    const vocabulary = async () =>
      (await admin.request<{ data: { synonymGroups: { words: string }[]; stopWords: string } }>('GET', settings)).data;
    await admin.request('PUT', settings, { synonymGroups: [{ words: 'kubernetes, k8s, docker' }], stopWords: 'the' });
    await job('scripts/seed.ts');
    expect((await vocabulary()).synonymGroups.map((g) => g.words)).toEqual(['kubernetes, k8s, docker']);
    const output = await job('scripts/seed.ts', ['--vocabulary']);
    expect(output).toMatch(/the search vocabulary is now the default \(\d+ synonym groups, \d+ stop words\)/);
    const reset = await vocabulary();
    expect(reset.synonymGroups.map((g) => g.words)).toEqual(searchVocabulary.synonymGroups);
    expect(reset.stopWords).toBe(searchVocabulary.stopWords.join(' '));
  });
});
