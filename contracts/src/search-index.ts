/**
 * The search index: what the `articles` index holds and how it is configured. search-sync writes
 * documents of this shape; the site's search island queries them. The browser loads this module:
 * it imports nothing.
 */

export const INDEX_UID = 'articles';
export const PRIMARY_KEY = 'id';

/** Uid of the search-only API key; Meilisearch derives the key value from it and the master key. */
export const SEARCH_KEY_UID = '6f1d2a0e-5c3b-4e8a-9d7f-2b4c6e8a0f13';

/**
 * Longest plain text kept per document, `content` and every section's `text` together; enough for
 * matching, small enough for the index.
 */
export const CONTENT_MAX_CHARS = 20_000;

/**
 * A part of the body that starts at a heading and runs to the next heading of any level, as the
 * article page's table of contents lists them.
 */
export type SearchSection = {
  /** The heading's id on the article page (`collectHeadings` in @stackguide/content decides it). */
  id: string;
  heading: string;
  /** Plain text under the heading, up to the next one. */
  text: string;
};

/** One published article as it sits in the index. */
export type SearchDocument = {
  /** Strapi documentId. */
  id: string;
  slug: string;
  /** Path on the site, e.g. `/articles/what-a-backend-developer-does/`. */
  url: string;
  title: string;
  excerpt: string;
  /**
   * The body's sections, in order. A heading names what its section is about, so headings rank right
   * after the title; a result whose best match lies in a section links to it (`/articles/<slug>/#<id>`).
   */
  sections: SearchSection[];
  /** Plain text of the body before its first heading (the whole body when it has none). */
  content: string;
  /** Role slugs, for filtering. */
  roles: string[];
  /** Role names, for display and matching. */
  roleNames: string[];
  /** Skill names, for filtering and matching. */
  skills: string[];
  /** Unix seconds, when the article first went live (an edit does not move it). */
  publishedAt: number;
  /** Unix seconds; reconcile compares it with Strapi's. */
  updatedAt: number;
  readingMinutes: number;
};

/**
 * Attributes visitors filter results by (role slugs and skill names). The site's facet checkboxes,
 * its URL state and its filters are keyed by these names.
 */
export const FACETS = ['roles', 'skills'] as const;
export type FacetName = (typeof FACETS)[number];

/**
 * Index settings search-sync applies to every index it fills. The vocabulary (`synonyms`,
 * `stopWords`) is not here: editors own it in the CMS ("Search settings"), and search-sync merges
 * it in from there (see vocabulary.ts).
 *
 * Ranking: `proximity` before `typo`, so query words found together (a title, a heading) beat a
 * plural or a synonym of several words, which Meilisearch counts as typos; measured with
 * `npm run bench -- relevance`.
 */
export const SEARCH_SETTINGS = {
  searchableAttributes: ['title', 'sections.heading', 'excerpt', 'skills', 'roleNames', 'content', 'sections.text'],
  // Sections are listed field by field: with only `sections` here, Meilisearch 1.21 neither returns
  // `sections.id` when asked to retrieve it nor puts highlighted sections into `_formatted`.
  displayedAttributes: [
    'id',
    'slug',
    'url',
    'title',
    'excerpt',
    'sections.id',
    'sections.heading',
    'sections.text',
    'content',
    'roles',
    'roleNames',
    'skills',
    'publishedAt',
    'updatedAt',
    'readingMinutes',
  ],
  filterableAttributes: FACETS,
  sortableAttributes: ['publishedAt'],
  rankingRules: ['words', 'proximity', 'typo', 'attribute', 'sort', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 1000 },
  faceting: { maxValuesPerFacet: 100 },
} as const;

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

/** Path of an article page, as the site builds it. */
export { articlePath as articleUrl } from './site-paths.ts';
