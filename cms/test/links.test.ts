import { startTestCms, type AdminClient, type TestCms } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleLinks, BrokenLinks } from '../src/plugins/search-site/shared/contracts.ts';
import { addAdminUser } from './search-stack.ts';
import { lanes } from './lanes.ts';

const SITE_URL = 'https://stackguide.example';
const link = (url: string, text: string) => ({ type: 'link', url, children: [{ type: 'text', text }] });
const body = (...links: ReturnType<typeof link>[]) => [{ type: 'paragraph', children: [{ type: 'text', text: 'See ' }, ...links] }];
const article = (slug: string, links: ReturnType<typeof link>[] = []) => ({
  title: `Links test ${slug}`,
  slug,
  excerpt: 'An article for the link checks.',
  body: body(...links),
  authorName: 'Test',
});

describe.each(lanes())('link checks on $name', (lane) => {
  let cms: TestCms;
  let admin: AdminClient;
  const ids: Record<string, string> = {};

  const broken = () => admin.request<BrokenLinks>('GET', '/search-site/links/broken');
  const linksOf = (name: string) => admin.request<ArticleLinks>('GET', `/search-site/articles/${ids[name]}/links`);
  const brokenSummary = async () => (await broken()).links.map((l) => `${l.source.title} → ${l.url}: ${l.problem}`).sort();

  beforeAll(async () => {
    cms = await startTestCms({ env: { ...(await lane.env()), SITE_URL } });
    admin = await cms.admin();
  });
  afterAll(async () => {
    await cms?.stop();
  });

  it('finds every internal link of the seeded articles leading to a published page', async () => {
    expect(await broken()).toEqual({ total: 0, links: [] });
  });

  it("lists a published article's links to nothing and to drafts, whichever way they are written", async () => {
    ids.target = (await admin.createArticle(article('links-target'), { publish: true })).documentId;
    ids.draft = (await admin.createArticle(article('links-draft'))).documentId;
    ids.source = (
      await admin.createArticle(
        article('links-source', [
          link('/articles/links-target/', 'fine'),
          link(`${SITE_URL}/roles/backend-developer/`, 'fine too'),
          link('/articles/links-draft', 'a draft'),
          link('/articles/links-nowhere/#part', 'nowhere'),
          link('/skills/cobol-on-cogs/', 'no such skill'),
          link('https://elsewhere.example/articles/links-nowhere/', 'another site'),
        ]),
        { publish: true },
      )
    ).documentId;
    expect(await brokenSummary()).toEqual([
      'Links test links-source → /articles/links-draft: draft',
      'Links test links-source → /articles/links-nowhere/#part: missing',
      'Links test links-source → /skills/cobol-on-cogs/: missing',
    ]);
    expect((await broken()).links.find((l) => l.slug === 'cobol-on-cogs')).toMatchObject({ kind: 'skill', text: 'no such skill' });
  });

  it('names the published articles linking to an article, which its unpublishing would break', async () => {
    expect((await linksOf('target')).linkedFrom).toEqual({
      count: 1,
      articles: [{ documentId: ids.source, title: 'Links test links-source' }],
    });
    await admin.unpublish(ids.target!);
    expect(await brokenSummary()).toContain('Links test links-source → /articles/links-target/: draft');
    await admin.publish(ids.target!);
    expect(await brokenSummary()).not.toContain('Links test links-source → /articles/links-target/: draft');
  });

  it("checks the saved draft's links in the edit view, and leaves drafts out of the published list", async () => {
    await admin.updateArticle(ids.source!, {
      body: body(link('/articles/links-also-nowhere/', 'new'), link('/articles/links-target/', 'ok')),
    });
    expect((await linksOf('source')).broken).toEqual([
      { url: '/articles/links-also-nowhere/', text: 'new', kind: 'article', slug: 'links-also-nowhere', problem: 'missing' },
    ]);
    // Still the published version's links until the draft is published.
    expect(await brokenSummary()).toHaveLength(3);
    await admin.createArticle(article('links-unpublished-source', [link('/articles/links-nowhere/', 'in a draft')]));
    expect(await brokenSummary()).toHaveLength(3);
    await admin.publish(ids.source!);
    expect(await brokenSummary()).toEqual(['Links test links-source → /articles/links-also-nowhere/: missing']);
  });

  it('flags links to an old slug after the slug changes, and forgets a deleted article', async () => {
    await admin.updateArticle(ids.target!, { slug: 'links-target-renamed' });
    await admin.publish(ids.target!);
    expect(await brokenSummary()).toContain('Links test links-source → /articles/links-target/: missing');
    await admin.deleteDocument(ids.source!);
    expect(await broken()).toEqual({ total: 0, links: [] });
    expect((await linksOf('target')).linkedFrom.count).toBe(0);
  });

  it('keeps the index across a restart, and answers only admins allowed to read the plugin', async () => {
    const source = await admin.createArticle(article('links-after', [link('/roles/no-such-role/', 'gone')]), { publish: true });
    await cms.restart();
    admin = await cms.admin();
    expect(await brokenSummary()).toEqual(['Links test links-after → /roles/no-such-role/: missing']);
    expect((await fetch(`${cms.url}/search-site/links/broken`)).status).toBe(401);
    const author = await addAdminUser(cms, 'strapi-author');
    expect((await author.request<BrokenLinks>('GET', '/search-site/links/broken')).total).toBe(1);
    await admin.deleteDocument(source.documentId);
    const refused = await fetch(`${cms.url}/search-site/articles/${source.documentId}/links`);
    expect(refused.status).toBe(401);
    expect(await admin.request('GET', '/search-site/articles/nonexistent/links')).toEqual({
      broken: [],
      linkedFrom: { count: 0, articles: [] },
    });
  });
});
