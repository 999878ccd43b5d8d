import { bestSection } from '@stackguide/site/hit-section';
import { type Hit, searchQueries } from '@stackguide/site/search-client';
import type { Page } from 'playwright-core';

/** What an engine answered: total results, result paths best first, and each result's section anchor when the engine returns sections. */
export type EngineAnswer = { total: number; urls: string[]; anchors?: (string | null)[] };

type MultiSearchAnswer = { results?: { hits?: Hit[]; estimatedTotalHits?: number }[] };

/**
 * Asks our Meilisearch exactly as the site's search box does: the site's own multi-search body
 * (contract display parameters, no facet chosen), from a page in Chromium, with the search-only key.
 * Anchors are the sections the site's results link to (`bestSection`).
 * @throws Error when Meilisearch answers anything but 200.
 */
export async function searchOurs(page: Page, meili: { url: string; key: string }, q: string, limit = 10): Promise<EngineAnswer> {
  const body = { queries: searchQueries({ q, page: 1, roles: [], skills: [] }, limit) };
  const answer = await page.evaluate(
    async ({ endpoint, key, body }) => {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    { endpoint: `${meili.url}/multi-search`, key: meili.key, body },
  );
  if (answer.status !== 200) throw new Error(`Meilisearch answered ${answer.status} to "${q}": ${JSON.stringify(answer.json).slice(0, 300)}`);
  const main = (answer.json as MultiSearchAnswer).results?.[0];
  const hits = main?.hits ?? [];
  const urls = hits.map((hit) => String(hit.url));
  return { total: main?.estimatedTotalHits ?? urls.length, urls, anchors: hits.map((hit) => bestSection(hit, q)?.id ?? null) };
}
