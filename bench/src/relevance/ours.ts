import { bestSection } from '@stackguide/site/hit-section';
import { type Answer, isPageHit, mergeAnswers, searchQueries, sectionQuery, withSections } from '@stackguide/site/search-request';
import { mergeHits } from '@stackguide/site/merge-hits';
import { queryText } from '@stackguide/site/query-text';
import { blendedHits, semanticQuery } from '@stackguide/site/semantic-results';
import type { Page } from 'playwright-core';
import type { CardShown } from './metrics.ts';

/**
 * What an engine answered: total results, result paths best first, each result's section anchor
 * when the engine returns sections, and the salary answer card when the engine has one.
 */
export type EngineAnswer = { total: number; urls: string[]; anchors?: (string | null)[]; card?: CardShown | null };

type MultiSearchAnswer = { results?: Answer[] };

/** Our Meilisearch as the page reaches it: its URL, the search-only key, the stop words (lower case). */
export type OurIndex = { url: string; key: string; stopWords: ReadonlySet<string> };

/**
 * Asks our Meilisearch exactly as the site's search box does, from a page in Chromium with the
 * search-only key: the site's own multi-search body (results parameters, no facet chosen; the role
 * and skill pages and the salary bands beside), merged as the page merges it, then its section query
 * for the same article hits. Anchors are the sections the results finally link to once upgraded
 * (`bestSection` of the hits with their sections), what the reader sees. With `semantic`, the article
 * hits are those of the hybrid query that follows the keyword one when the page would take them
 * (`blendedHits`: the semantic query, the query as typed, blended into the keyword hits), merged
 * with the same page hits; else the keyword hits. Every other query goes without the index's stop
 * words, as the page sends it once it has them.
 * @throws Error when Meilisearch answers anything but 200.
 */
export async function searchOurs(page: Page, meili: OurIndex, q: string, semantic = false, limit = 10): Promise<EngineAnswer> {
  const state = { q: queryText(q, meili.stopWords), page: 1, roles: [], skills: [] };
  const queries = searchQueries(state, limit);
  const result = mergeAnswers(await multiSearch(page, meili, q, queries), q, meili.stopWords);
  const [meaning] = semantic ? await multiSearch(page, meili, q, [semanticQuery(queries[0]!, q)]) : [];
  const semanticHits = blendedHits(
    meaning,
    result.hits.filter((hit) => !isPageHit(hit)),
    limit,
    q,
    meili.stopWords,
  );
  const hits = semanticHits ? mergeHits(semanticHits, result.hits.filter(isPageHit), q, meili.stopWords) : result.hits;
  const [sections] = hits.length > 0 ? await multiSearch(page, meili, q, [sectionQuery(state, limit)]) : [];
  const upgraded = withSections(hits, sections?.hits ?? []);
  const urls = upgraded.map((hit) => String(hit.url));
  const card = result.answer && { url: result.answer.url, bands: result.answer.bands.map(({ region, level }) => ({ region, level })) };
  // The page counts the hits it swapped in when the keyword query found fewer.
  const total = Math.max(result.total, (semanticHits?.length ?? 0) + result.pages, urls.length);
  return { total, urls, anchors: upgraded.map((hit) => bestSection(hit, q)?.id ?? null), card };
}

async function multiSearch(page: Page, meili: { url: string; key: string }, q: string, queries: Record<string, unknown>[]) {
  const answer = await page.evaluate(
    async ({ endpoint, key, body }) => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    { endpoint: `${meili.url}/multi-search`, key: meili.key, body: { queries } },
  );
  if (answer.status !== 200)
    throw new Error(`Meilisearch answered ${answer.status} to "${q}": ${JSON.stringify(answer.json).slice(0, 300)}`);
  return (answer.json as MultiSearchAnswer).results ?? [];
}
