import fs from 'node:fs';
import { startSiteServer, startTestCms, type AdminClient, type SiteServer, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, filesUnder, readDist, sitemapUrls } from './dist-checks.ts';
import { buildSiteForTest, TEST_SITE_URL } from './site-build.ts';

// An incremental build must yield exactly what a full build of the same content yields. Real
// Strapi, the real site server; after each editor action the hook names what changed, the server
// builds incrementally, and a separate full build of the same content is compared byte for byte.
// No value of a build is declared build-time: pages carry no build date or build id.

type Ref = { documentId: string; name: string; slug: string };
type Item = { documentId: string; slug: string; title: string; roles: Ref[]; skills: Ref[] };

let cms: TestCms;
let admin: AdminClient;
let site: SiteServer;
const fullBuilds: string[] = [];

beforeAll(async () => {
  cms = await startTestCms();
  admin = await cms.admin();
  site = await startSiteServer({ strapiUrl: cms.url, token: cms.readToken, env: { SITE_URL: TEST_SITE_URL } });
}, 300_000);
afterAll(async () => {
  await site?.stop();
  for (const dir of fullBuilds) fs.rmSync(dir, { recursive: true, force: true });
  await cms?.stop();
});

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${cms.url}/api/${path}`, { headers: { authorization: `Bearer ${cms.readToken}` } });
  return ((await res.json()) as { data: T }).data;
}
const published = () => api<Item[]>('articles?pagination[pageSize]=100');

/** Builds incrementally after the hook call, then fully from the same content; both must be identical. */
async function expectSameAsFull(body: unknown): Promise<{ rendered: number; pages: number; dir: string }> {
  const { current, dir } = await site.rebuild(body);
  expect(current.kind).toBe('incremental');
  const full = await buildSiteForTest(cms.url, cms.readToken);
  fullBuilds.push(full);
  expect(differences(dir, full)).toEqual([]);
  expect(current.rendered).toBeLessThan(current.pages);
  return { rendered: current.rendered, pages: current.pages, dir };
}
const changed = (kind: 'article' | 'role' | 'skill', documentId: string) => ({
  changedAt: new Date().toISOString(),
  changes: [{ kind, documentId }],
});

/** Slugs of the articles the related block of each article page names. */
function relatedBlocks(dir: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const file of filesUnder(dir).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f) && !/^articles\/\d+\//.test(f))) {
    const section = /<section aria-labelledby="related-title">([\s\S]*?)<\/section>/.exec(readDist(dir, file))?.[1] ?? '';
    blocks.set(
      file.split('/')[1]!,
      [...section.matchAll(/href="\/articles\/([^/"]+)\/"/g)].map((m) => m[1]!),
    );
  }
  return blocks;
}

describe('incremental builds equal full builds (real Strapi)', () => {
  it('after a publish', { timeout: 240_000 }, async () => {
    const [model] = await published();
    const { documentId } = await admin.createArticle(
      {
        title: 'Incremental builds, published',
        slug: 'incremental-builds-published',
        excerpt: 'Written by the incremental build test.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A new article sharing skills with another.' }] }],
        authorName: 'Test',
        roles: { connect: model!.roles.map((r) => ({ documentId: r.documentId })) },
        skills: { connect: model!.skills.map((s) => ({ documentId: s.documentId })) },
      },
      { publish: true },
    );
    const { dir } = await expectSameAsFull(changed('article', documentId));
    expect(readDist(dir, 'articles/incremental-builds-published/index.html')).toContain('Incremental builds, published');
    expect([...relatedBlocks(dir).values()].some((slugs) => slugs.includes('incremental-builds-published'))).toBe(true);
  });

  it('after a title edit of an article other pages name as related', { timeout: 240_000 }, async () => {
    const before = await site.currentDir();
    const named = new Map<string, number>();
    for (const slugs of relatedBlocks(before).values()) for (const slug of slugs) named.set(slug, (named.get(slug) ?? 0) + 1);
    const [slug] = [...named].sort((a, b) => b[1] - a[1])[0]!;
    const target = (await published()).find((a) => a.slug === slug)!;
    await admin.updateArticle(target.documentId, { title: 'A retitled article, named in related lists' });
    await admin.publish(target.documentId);
    const { dir, rendered, pages } = await expectSameAsFull(changed('article', target.documentId));
    const naming = [...relatedBlocks(dir)].filter(([, slugs]) => slugs.includes(slug));
    expect(naming.length).toBeGreaterThan(0);
    for (const [page] of naming)
      expect(readDist(dir, `articles/${page}/index.html`)).toContain('A retitled article, named in related lists');
    expect(rendered).toBeLessThan(pages / 2);
  });

  it('after slug changes: old addresses lead to the new one in one hop; a new article takes one back', { timeout: 240_000 }, async () => {
    const [article] = await published();
    const { documentId, slug: first } = article!;
    for (const slug of ['renamed-once', 'renamed-twice']) {
      await admin.updateArticle(documentId, { slug });
      await admin.publish(documentId);
    }
    const renamed = await expectSameAsFull(changed('article', documentId));
    const redirects = (dir: string) => JSON.parse(readDist(dir, '_redirects.json')) as Record<string, string>;
    expect(redirects(renamed.dir)).toEqual({
      [`/articles/${first}/`]: '/articles/renamed-twice/',
      '/articles/renamed-once/': '/articles/renamed-twice/',
    });
    expect(readDist(renamed.dir, '_redirects.nginx')).toContain(`"/articles/${first}/" "/articles/renamed-twice/";`);
    expect(sitemapUrls(renamed.dir).filter((url) => url.includes(first) || url.includes('renamed-once'))).toEqual([]);
    // Only the new article is named: the map follows from the content, not from what the hook said.
    const taker = await admin.createArticle(
      {
        title: 'An article taking an old address',
        slug: 'renamed-once',
        excerpt: 'Written by the incremental build test.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'It takes a slug another article left.' }] }],
        authorName: 'Test',
      },
      { publish: true },
    );
    const taken = await expectSameAsFull(changed('article', taker.documentId));
    expect(redirects(taken.dir)).toEqual({ [`/articles/${first}/`]: '/articles/renamed-twice/' });
    expect(readDist(taken.dir, 'articles/renamed-once/index.html')).toContain('An article taking an old address');
  });

  it('after an unpublish', { timeout: 240_000 }, async () => {
    const [article] = await published();
    await admin.unpublish(article!.documentId);
    const { dir } = await expectSameAsFull(changed('article', article!.documentId));
    expect(fs.existsSync(`${dir}/articles/${article!.slug}/index.html`)).toBe(false);
  });

  it('after a delete', { timeout: 240_000 }, async () => {
    const [article] = await published();
    await admin.deleteDocument(article!.documentId);
    const { dir } = await expectSameAsFull(changed('article', article!.documentId));
    expect(fs.existsSync(`${dir}/articles/${article!.slug}/index.html`)).toBe(false);
  });

  it('after a role rename', { timeout: 240_000 }, async () => {
    const [role] = await api<Ref[]>('roles?sort=name');
    await admin.updateDocument('api::role.role', role!.documentId, { name: `${role!.name} (renamed)` });
    const { dir } = await expectSameAsFull(changed('role', role!.documentId));
    expect(readDist(dir, `roles/${role!.slug}/index.html`)).toContain(`${role!.name} (renamed)`);
    expect(readDist(dir, 'index.html')).toContain(`${role!.name} (renamed)`);
  });

  it('after a skill rename', { timeout: 240_000 }, async () => {
    const articles = await published();
    const skill = articles.flatMap((a) => a.skills).find(Boolean)!;
    await admin.updateDocument('api::skill.skill', skill.documentId, { name: `${skill.name} (renamed)` });
    const { dir } = await expectSameAsFull(changed('skill', skill.documentId));
    expect(readDist(dir, `skills/${skill.slug}/index.html`)).toContain(`${skill.name} (renamed)`);
  });

  it('when the hook names nothing: everything is fetched and compared, only changed pages render', { timeout: 240_000 }, async () => {
    const [article] = await published();
    await admin.updateArticle(article!.documentId, { excerpt: 'An excerpt changed without the hook naming the article.' });
    await admin.publish(article!.documentId);
    const { dir } = await expectSameAsFull(undefined);
    // Article cards show the excerpt (the article page prefers its SEO description).
    const showing = filesUnder(dir).filter(
      (f) => f.endsWith('.html') && readDist(dir, f).includes('An excerpt changed without the hook naming the article.'),
    );
    expect(showing.length).toBeGreaterThan(0);
  });

  it('each incremental build brought an older build up to date, the first one a spare copied after the start', () => {
    const written = site.lines
      .filter((line) => line.includes('"msg":"build written"'))
      .map((line) => JSON.parse(line) as { kind: string; recycled?: boolean });
    expect(written.map((b) => b.kind)).toEqual(['full', ...Array(9).fill('incremental')]);
    expect(written.map((b) => b.recycled)).toEqual([false, ...Array(9).fill(true)]);
    expect(site.lines.filter((line) => line.includes('"msg":"spare build ready'))).toHaveLength(1);
  });
});
