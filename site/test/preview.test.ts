import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  freePort,
  launchChromium,
  startSiteServer,
  startTestCms,
  watchCspViolations,
  type AdminClient,
  type SiteServer,
  type TestCms,
  waitFor,
} from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedPath } from '@stackguide/contracts/preview-link';

// The draft preview against real Strapi and the real site server: the CMS signs the link (its
// Preview handler, as the admin's "Open preview" asks for it), the site server checks it, reads the
// draft with the preview token and renders it through the compiled pages. Nothing is written.

const ARTICLE = 'api::article.article';
const GRAPHQL_DRAFT = {
  title: 'DRAFT: Notes for a GraphQL piece',
  bodyText: 'Find at least two solid sources.',
  heading: 'Open questions',
};

let cms: TestCms;
let admin: AdminClient;
let site: SiteServer;
let draftId: string;
/** The CMS as editors' browsers reach it (STRAPI_PUBLIC_URL): another origin for the same server. */
let publicCmsUrl: string;

type Listed = { results: { documentId: string; title: string; slug: string }[] };

/** The link the admin's "Open preview" opens: the CMS's Preview handler signs it. */
async function linkFor(documentId: string, status: 'draft' | 'published', uid = ARTICLE): Promise<string | undefined> {
  const answer = await admin.request<{ data: { url?: string } } | null>(
    'GET',
    `/content-manager/preview/url/${uid}?documentId=${documentId}&status=${status}`,
  );
  return answer?.data.url;
}

/** Every file under the site's builds directory with its size and mtime, to prove a preview writes nothing. */
function buildFiles(): string[] {
  return fs
    .readdirSync(site.buildsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const stat = fs.statSync(file);
      return `${path.relative(site.buildsDir, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

/**
 * buildFiles once the site server stopped writing: after its first build it copies that build as a
 * spare in the background, which would otherwise land between a test's two snapshots.
 */
async function settledBuildFiles(): Promise<string[]> {
  let last = buildFiles();
  await waitFor(
    'the site server to stop writing its builds',
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = buildFiles();
      const same = now.join('\n') === last.join('\n');
      last = now;
      return same;
    },
    { timeoutMs: 60_000, intervalMs: 0 },
  );
  return last;
}

const expectPrivate = (res: Response) => {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-robots-tag')).toContain('noindex');
};

beforeAll(async () => {
  const port = await freePort();
  cms = await startTestCms({ env: { PREVIEW_URL: `http://127.0.0.1:${port}` } });
  admin = await cms.admin();
  publicCmsUrl = `http://localhost:${new URL(cms.url).port}`;
  const env = {
    PREVIEW_SECRET: cms.env.PREVIEW_SECRET!,
    PREVIEW_READ_TOKEN: cms.env.PREVIEW_READ_TOKEN!,
    STRAPI_PUBLIC_URL: publicCmsUrl,
  };
  site = await startSiteServer({ strapiUrl: cms.url, token: cms.readToken, port, env });
  const drafts = await admin.request<Listed>(
    'GET',
    `/content-manager/collection-types/${ARTICLE}?filters[title][$eq]=${encodeURIComponent(GRAPHQL_DRAFT.title)}`,
  );
  draftId = drafts.results[0]!.documentId;
}, 300_000);
afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

describe('draft preview (real Strapi, real site server)', () => {
  it("renders a draft with the site's own article page, privately, and writes nothing", async () => {
    const before = await settledBuildFiles();
    const link = await linkFor(draftId, 'draft');
    expect(link?.startsWith(`${site.url}/__preview/articles/${draftId}?`)).toBe(true);
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expectPrivate(res);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain(`<h1>${GRAPHQL_DRAFT.title}</h1>`);
    expect(html).toContain(GRAPHQL_DRAFT.bodyText);
    // The real layout and components: site header, table of contents, related articles from the published content.
    expect(html).toContain('class="site-header"');
    expect(html).toMatch(new RegExp(`<a href="#open-questions"[^>]*>${GRAPHQL_DRAFT.heading}</a>`));
    expect(html).toContain('id="related-title"');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('Preview of the draft');
    expect(html).toContain("'strapiUpdate'");
    expect(buildFiles()).toEqual(before);
    for (const file of before)
      expect(fs.readFileSync(path.join(site.buildsDir, file.split(' ')[0]!), 'latin1')).not.toContain('Notes for a GraphQL piece');
    expect((await fetch(`${site.url}/articles/draft-notes-for-a-graphql-piece/`)).status).toBe(404);
  });

  it('shows the saved draft of a published article, and the published version on its own link', { timeout: 60_000 }, async () => {
    const res = await fetch(`${cms.url}/api/articles?pagination[pageSize]=1`, { headers: { authorization: `Bearer ${cms.readToken}` } });
    const { documentId, title, slug } = ((await res.json()) as { data: Listed['results'] }).data[0]!;
    await admin.updateArticle(documentId, { title: `${title} (edited draft)` });
    const draft = await (await fetch((await linkFor(documentId, 'draft'))!)).text();
    expect(draft).toContain(`${title} (edited draft)`);
    const published = await (await fetch((await linkFor(documentId, 'published'))!)).text();
    expect(published).toContain('Preview of the published version');
    expect(published).not.toContain('(edited draft)');
    expect(await (await fetch(`${site.url}/articles/${slug}/`)).text()).not.toContain('(edited draft)');
  });

  it("loads a draft's images from the CMS's public address, not the one the site server uses", async () => {
    const image = await admin.uploadImage('preview-cover.png', 'An orange block');
    await admin.updateArticle(draftId, { cover: image.id });
    const html = await (await fetch((await linkFor(draftId, 'draft'))!)).text();
    const src = /<img src="([^"]+)"[^>]*alt="An orange block"/.exec(html)?.[1];
    expect(src).toBe(`${publicCmsUrl}${image.url}`);
    expect(html).not.toContain(`${cms.url}/uploads/`);
    const loaded = await fetch(src!);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get('content-type')).toBe('image/png');
  });

  it('refuses unsigned, forged, tampered and expired links with a short message', async () => {
    const link = new URL((await linkFor(draftId, 'draft'))!);
    const refused = async (url: string | URL, status: number, says: string) => {
      const res = await fetch(url);
      expect(res.status, String(url)).toBe(status);
      expectPrivate(res);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toContain(says);
    };
    await refused(`${site.url}/__preview/articles/${draftId}`, 401, 'not signed');
    await refused(`${site.url}/__preview/articles/${draftId}?status=draft`, 401, 'not signed');
    const forged = new URL(link);
    forged.searchParams.set('signature', `${link.searchParams.get('signature')!.slice(0, -2)}AA`);
    await refused(forged, 403, 'not valid');
    const otherDocument = new URL(
      link.href.replace(
        draftId,
        (await admin.request<Listed>('GET', `/content-manager/collection-types/${ARTICLE}?pageSize=1`)).results[0]!.documentId,
      ),
    );
    await refused(otherDocument, 403, 'not valid');
    const otherStatus = new URL(link);
    otherStatus.searchParams.set('status', 'published');
    await refused(otherStatus, 403, 'not valid');
    const later = new URL(link);
    later.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3_600_000));
    await refused(later, 403, 'not valid');
    const past = Date.now() - 60_000;
    const expired = signedPath(cms.env.PREVIEW_SECRET!, { documentId: draftId, status: 'draft', expires: past, until: past + 3_600_000 });
    await refused(`${site.url}${expired}`, 403, 'expired');
    const wrongSecret = signedPath('not-the-preview-secret-0123456789abcdef', {
      documentId: draftId,
      status: 'draft',
      expires: Date.now() + 60_000,
      until: Date.now() + 3_600_000,
    });
    await refused(`${site.url}${wrongSecret}`, 403, 'not valid');
    const post = await fetch(link, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('renews the link of an open preview for the same article and status', async () => {
    const link = new URL((await linkFor(draftId, 'draft'))!);
    const renew = await fetch(`${site.url}/__preview/renew/articles/${draftId}${link.search}`);
    expect(renew.status).toBe(200);
    expectPrivate(renew);
    const { next } = (await renew.json()) as { next: string; renew: string };
    expect(next).toMatch(new RegExp(`^/__preview/articles/${draftId}\\?status=draft&`));
    expect((await fetch(`${site.url}${next}`)).status).toBe(200);
    expect((await fetch(`${site.url}/__preview/renew/articles/${draftId}?status=draft`)).status).toBe(401);
  });

  it('has no preview for content without a page of its own', async () => {
    const roles = await admin.request<Listed>('GET', '/content-manager/collection-types/api::role.role?pageSize=1');
    expect(await linkFor(roles.results[0]!.documentId, 'published', 'api::role.role')).toBeUndefined();
  });

  it("lets only the admin's origin frame a preview, and runs its inline script by a nonce fresh per answer", async () => {
    const link = (await linkFor(draftId, 'draft'))!;
    const [first, second] = [await fetch(link), await fetch(link)];
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors ${new URL(publicCmsUrl).origin}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await first.text()).toContain(`<script nonce="${nonce}">`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    const refused = await fetch(`${site.url}/__preview/articles/${draftId}`);
    expect(refused.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(publicCmsUrl).origin}`);
  });

  it('renders under its policy in Chromium, and a page on another origin can frame neither the site nor a preview', async () => {
    const link = (await linkFor(draftId, 'draft'))!;
    // Another origin: the same host on another port.
    const framing = http.createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><title>Framing</title><iframe id="site" src="${site.url}/"></iframe><iframe id="preview" src="${link}"></iframe>`,
        ),
    );
    await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const violations = await watchCspViolations(context);
      const page = await context.newPage();
      await page.goto(link);
      await page.getByText('Preview of the draft').waitFor();
      await page.locator('h1', { hasText: GRAPHQL_DRAFT.title }).waitFor();
      expect(violations).toEqual([]);
      const refusals: string[] = [];
      page.on('console', (message) => refusals.push(message.text()));
      await page.goto(`http://127.0.0.1:${(framing.address() as { port: number }).port}/`);
      for (const id of ['site', 'preview']) {
        const frame = await (await page.waitForSelector(`#${id}`)).contentFrame();
        await expect.poll(() => frame?.url(), { message: id }).toMatch(/^chrome-error:/);
      }
      expect(refusals.filter((m) => m.includes('violates the following Content Security Policy directive: "frame-ancestors'))).toHaveLength(
        2,
      );
    } finally {
      await browser.close();
      framing.close();
    }
  });
});
