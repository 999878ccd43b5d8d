import { FACETS, PAGES_INDEX_UID, SALARIES_INDEX_UID } from './search-index.ts';

/**
 * How the site's search island asks the indexes (search-index.ts says what they hold): the
 * parameters of each query its multi-search sends. The browser loads this module.
 */

/**
 * Highlight markers are control characters rather than `<mark>`: the site escapes everything
 * Meilisearch returns, then turns only these markers into `<mark>` elements, so a title that itself
 * contains `<mark>` or `<img onerror>` stays text.
 */
export const HIGHLIGHT_PRE = '\u0002';
export const HIGHLIGHT_POST = '\u0003';

/**
 * The site asks in two steps, results first and section snippets right after, because formatting
 * `sections.text` (highlight, crop or match positions alike) is nearly all of Meilisearch's work
 * for a search; facets cost next to nothing (bench: `search`, `keystroke`).
 *
 * SEARCH_RESULTS paints the results: titles, excerpt or content snippets, chips, counts and facets.
 * Its hits link to the top of their article.
 */
export const SEARCH_RESULTS = {
  attributesToRetrieve: ['id', 'url', 'title', 'excerpt', 'roles', 'roleNames', 'skills', 'readingMinutes'],
  attributesToHighlight: ['title', 'excerpt', 'content'],
  attributesToCrop: ['content:24'],
  cropMarker: '…',
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
  facets: FACETS,
  // Page hits are merged in by this score, as Meilisearch's federated search merges its queries.
  showRankingScore: true,
} as const;

/**
 * SEARCH_SECTIONS follows with the same `q`, filter, offset and limit and upgrades each painted hit
 * with its best section (name, deep link, snippet). Meilisearch returns every section of a hit in
 * `_formatted.sections`, each text cropped; the highlights say which section matched. `sections.id`
 * must be retrieved: Meilisearch 1.21 puts into `_formatted` only what is retrieved or formatted, and
 * an id must not be highlighted (it would gain markers).
 */
export const SEARCH_SECTIONS = {
  attributesToRetrieve: ['id', 'sections.id'],
  attributesToHighlight: ['sections.heading', 'sections.text'],
  attributesToCrop: ['sections.text:24'],
  cropMarker: '…',
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
  facets: [],
} as const;

/**
 * PAGE_RESULTS asks the `pages` index beside SEARCH_RESULTS, in the same multi-search: the role and
 * skill pages the query names, every word of it (`matchingStrategy: all`: a page that accounts for
 * part of a question is seldom its answer, where an article may be), merged into the article hits
 * (the site's merge-hits.ts: by ranking score, a page the query names first). Only the first page of
 * results gets them.
 */
export const PAGE_RESULTS = {
  indexUid: PAGES_INDEX_UID,
  attributesToRetrieve: ['id', 'type', 'url', 'name', 'summary', 'category'],
  attributesToHighlight: ['name', 'summary'],
  attributesToCrop: ['summary:24'],
  cropMarker: '…',
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
  showRankingScore: true,
  matchingStrategy: 'all',
  limit: 3,
} as const;

/**
 * SALARY_QUERY asks the `salaries` index in the same multi-search. Every word of the query must
 * match a band (`matchingStrategy: all`), one of them its topic (the match positions say which), and
 * every band found must belong to one role: then the bands are that role's answer to the question,
 * and otherwise nothing is shown (salary-answer.ts in the site).
 */
export const SALARY_QUERY = {
  indexUid: SALARIES_INDEX_UID,
  attributesToRetrieve: ['documentId', 'position', 'role', 'url', 'region', 'level', 'period', 'currency', 'min', 'max', 'sourceNote'],
  matchingStrategy: 'all',
  showMatchesPosition: true,
  limit: 50,
} as const;
