import fs from 'node:fs';
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
} from '@stackguide/test-kit';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The editor's preview, driven in Chromium through the real admin (built like admin-browser's: the
// build is shared and only redone when stale) with the real site server answering the preview.

const ARTICLE = 'api::article.article';
const DRAFT = { title: 'DRAFT: Notes for a GraphQL piece', bodyText: 'Find at least two solid sources.' };

let cms: TestCms;
let admin: AdminClient;
let site: SiteServer;
let browser: Browser;
let page: Page;
let draftId: string;
/** Every response the browser received, with its body: the preview's secret and token must be in none. */
const seen: { url: string; body: string }[] = [];
/** Content-Security-Policy violations in any page or frame, the preview's among them. */
let violations: string[] = [];
const ADMIN_BUILD = path.resolve(import.meta.dirname, '../dist/build');

beforeAll(async () => {
  const port = await freePort();
  cms = await startTestCms({ admin: true, env: { PREVIEW_URL: `http://127.0.0.1:${port}` } });
  admin = await cms.admin();
  site = await startSiteServer({
    strapiUrl: cms.url,
    token: cms.readToken,
    port,
    env: { PREVIEW_SECRET: cms.env.PREVIEW_SECRET!, PREVIEW_READ_TOKEN: cms.env.PREVIEW_READ_TOKEN! },
  });
  const drafts = await admin.request<{ results: { documentId: string }[] }>(
    'GET',
    `/content-manager/collection-types/${ARTICLE}?filters[title][$eq]=${encodeURIComponent(DRAFT.title)}`,
  );
  draftId = drafts.results[0]!.documentId;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  violations = await watchCspViolations(context);
  context.on('response', (res) => {
    void res.body().then(
      (body) => seen.push({ url: res.url(), body: body.toString('latin1') }),
      () => undefined,
    );
  });
  page = await context.newPage();
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.getByLabel('Email').fill(cms.env.ADMIN_EMAIL!);
  await page.getByLabel('Password').fill(cms.env.ADMIN_PASSWORD!);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}, 30 * 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await cms?.stop();
});

/** The site server's page inside the admin's preview iframe, once it has loaded. */
async function previewFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-testid="preview-iframe"]', { timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the preview iframe has no document');
  await frame.waitForSelector('h1', { timeout: 30_000 });
  return frame;
}

const editView = (documentId: string) => `${cms.url}/admin/content-manager/collection-types/${ARTICLE}/${documentId}`;

describe("the admin's Open preview (Chromium, real admin, real site server)", () => {
  it("shows the draft's title and body, rendered by the site", { timeout: 120_000 }, async () => {
    await page.goto(editView(draftId));
    await page.getByRole('link', { name: 'Open preview' }).click();
    const frame = await previewFrame();
    expect(frame.url().startsWith(`${site.url}/__preview/articles/${draftId}?status=draft&`)).toBe(true);
    expect(await frame.locator('h1').first().textContent()).toBe(DRAFT.title);
    expect(await frame.getByText(DRAFT.bodyText).isVisible()).toBe(true);
    expect(await frame.getByText('Preview of the draft').isVisible()).toBe(true);
    expect(await frame.locator('header.site-header').isVisible()).toBe(true);
  });

  it('shows a saved change', { timeout: 120_000 }, async () => {
    await page.goto(editView(draftId));
    const title = page.getByRole('textbox', { name: /^title/i });
    await title.fill(`${DRAFT.title}, revised`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Open preview' }).click();
    const frame = await previewFrame();
    expect(await frame.locator('h1').first().textContent()).toBe(`${DRAFT.title}, revised`);
  });

  it("shows the draft's images, loaded by the browser from the CMS", { timeout: 120_000 }, async () => {
    const alt = 'A cover only the draft has';
    const image = await admin.uploadImage('draft-cover.png', alt);
    await admin.updateArticle(draftId, { cover: image.id });
    await page.goto(editView(draftId));
    await page.getByRole('link', { name: 'Open preview' }).click();
    const frame = await previewFrame();
    expect(await frame.getByAltText(alt).getAttribute('src')).toBe(`${cms.url}${image.url}`);
    const width = await frame.waitForFunction(
      (text) => {
        const img = [...document.images].find((i) => i.alt === text);
        return img?.complete && img.naturalWidth > 0 ? img.naturalWidth : false;
      },
      alt,
      { timeout: 30_000 },
    );
    expect(await width.jsonValue()).toBe(64);
  });

  it("reloads with Strapi's strapiUpdate message after a save or publish in the preview", { timeout: 120_000 }, async () => {
    await page.goto(`${editView(draftId)}/preview?status=draft`);
    const frame = await previewFrame();
    const firstLink = frame.url();
    await frame.evaluate(() => {
      (window as unknown as { beforeSave: boolean }).beforeSave = true;
    });
    // Publishing from the preview header runs Strapi's own onPreview, which posts strapiUpdate (the
    // Community preview has no side editor, so its Save stays disabled; Publish saves and publishes).
    await page.getByRole('button', { name: 'Publish' }).click();
    await frame.waitForFunction(() => !(window as unknown as { beforeSave?: boolean }).beforeSave, undefined, { timeout: 30_000 });
    await frame.waitForSelector('h1', { timeout: 30_000 });
    // Reloaded on its renewed link, showing the article as saved.
    expect(frame.url()).not.toBe(firstLink);
    expect(await frame.locator('h1').first().textContent()).toBe(`${DRAFT.title}, revised`);
  });

  it("ran every preview in the admin's frame under the site server's policy without a violation", () => {
    const framed = seen.filter((r) => r.url.startsWith(`${site.url}/__preview/articles/`));
    expect(framed.length).toBeGreaterThanOrEqual(3);
    expect(violations.filter((v) => v.startsWith(site.url))).toEqual([]);
  });

  it("never lets the preview's secret or its draft-reading token reach the browser", () => {
    const values = [cms.env.PREVIEW_SECRET!, cms.env.PREVIEW_READ_TOKEN!];
    expect(seen.some((r) => r.url.includes('/__preview/articles/'))).toBe(true);
    for (const { url, body } of seen)
      for (const value of values) expect(body.includes(value), `a preview secret in the response of ${url}`).toBe(false);
    const files = fs.readdirSync(ADMIN_BUILD, { recursive: true }).map((f) => path.join(ADMIN_BUILD, String(f)));
    for (const file of files.filter((f) => fs.statSync(f).isFile() && /\.(js|mjs|html|json|map)$/.test(f))) {
      const text = fs.readFileSync(file, 'latin1');
      for (const needle of [...values, 'PREVIEW_SECRET', 'PREVIEW_READ_TOKEN'])
        expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });
});
