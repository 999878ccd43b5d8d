import fs from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Page } from 'playwright-core';
import type { EngineAnswer } from './ours.ts';

/**
 * What a site adopting Pagefind would index: the `<article>` of each article page (title, meta line,
 * role and skill chips, body with heading anchors), not the header, footer or related-articles
 * list; the table of contents is skipped because it repeats every heading. Role and skill pages:
 * their main content (see `mainAsRoot`).
 */
const PAGEFIND_CONFIG = { rootSelector: 'article', excludeSelectors: ['.toc'] };

/** The built pages of a section of the site: `<section>/<slug>/index.html`, not its numbered lists. */
const pagesUnder = (distDir: string, section: string) =>
  fs
    .readdirSync(path.join(distDir, section), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name))
    .map((d) => `${section}/${d.name}/index.html`);

/**
 * A role or skill page has no `<article>` of its own (only the article cards it lists): its `<main>`
 * becomes the root Pagefind indexes, as a site adopting Pagefind would mark it.
 */
const mainAsRoot = (html: string) => html.replace(/<main\b/, '<article').replace(/<\/main>/, '</article>');

/**
 * Indexes every built article, role and skill page (not the paginated lists) with Pagefind's Node
 * API and writes the bundle to `<distDir>/pagefind/`. Returns the page count.
 * @throws Error with Pagefind's messages when indexing fails.
 */
export async function buildPagefindIndex(distDir: string): Promise<number> {
  const { index, errors } = await createIndex(PAGEFIND_CONFIG);
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const articles = pagesUnder(distDir, 'articles');
    const pages = [...pagesUnder(distDir, 'roles'), ...pagesUnder(distDir, 'skills')];
    for (const sourcePath of [...articles, ...pages]) {
      const html = fs.readFileSync(path.join(distDir, sourcePath), 'utf8');
      const content = pages.includes(sourcePath) ? mainAsRoot(html) : html;
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length > 0) throw new Error(`pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(distDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind could not write its bundle: ${written.errors.join('; ')}`);
    return articles.length + pages.length;
  } finally {
    await close();
  }
}

/**
 * In-page search with Pagefind's own browser API. Plain JavaScript in a string: the page gets it as
 * written, without the helpers tsx adds to named functions. A result's anchor is that of its
 * strongest sub-result (the section Pagefind would link), or null when the best match sits before
 * the first heading.
 */
const IN_PAGE_SEARCH = `async ({ q, limit }) => {
  window.__pagefind ??= import('/pagefind/pagefind.js');
  const pagefind = await window.__pagefind;
  const { results } = await pagefind.search(q);
  const top = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  const score = (s) => (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  const anchorOf = (d) => {
    const best = [...(d.sub_results ?? [])].sort((a, b) => score(b) - score(a))[0];
    const hash = best ? new URL(best.url, location.href).hash : '';
    return hash ? decodeURIComponent(hash.slice(1)) : null;
  };
  return { total: results.length, urls: top.map((d) => d.url), anchors: top.map(anchorOf) };
}`;

/** Searches with Pagefind's browser bundle (`/pagefind/pagefind.js`) on a page of the served site. */
export function searchPagefind(page: Page, q: string, limit = 10): Promise<EngineAnswer> {
  return page.evaluate(`(${IN_PAGE_SEARCH})(${JSON.stringify({ q, limit })})`) as Promise<EngineAnswer>;
}
