/**
 * The search indexes: what each holds and how it is configured (the salary bands' shape and settings
 * in salary-index.ts, every index's settings by uid in index-settings.ts). search-sync writes
 * documents of these shapes; the site's search island queries them. The browser loads this module:
 * it imports only the site's paths.
 *
 * One index per shape rather than one index with a `type` field: articles keep their own settings,
 * facets, counts, sort and paging untouched by pages that have none of them, and the browser asks
 * all of them in one multi-search request with the one search-only key. A reindex swaps every index
 * in one atomic swap (Meilisearch's swap-indexes applies all pairs of a request or none).
 */

/** Published articles (SearchDocument). */
export const INDEX_UID = 'articles';
/** Role and skill pages (PageDocument). */
export const PAGES_INDEX_UID = 'pages';
/** One document per salary band of a role (SalaryDocument, salary-index.ts), for the salary answer card. */
export const SALARIES_INDEX_UID = 'salaries';
/** Every index search-sync fills and the search-only key may search. */
export const INDEX_UIDS = [INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID] as const;
export type IndexUid = (typeof INDEX_UIDS)[number];
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
 * Typo tolerance every index shares. Its own constant: reading it off SEARCH_SETTINGS would keep
 * that whole object in the browser's bundle, which imports this module for its names.
 */
export const TYPOS = { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } } as const;

/** The most results a query of any index can page through (the site's "More results" stops there); own constant for the same reason. */
export const MAX_TOTAL_HITS = 1000;

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
  typoTolerance: TYPOS,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 100 },
} as const;

/** A role or skill page as it sits in the `pages` index. */
export type PageDocument = {
  /** `<type>-<documentId>`: roles and skills share the index. */
  id: string;
  type: 'role' | 'skill';
  /** Strapi documentId of the role or skill. */
  documentId: string;
  slug: string;
  /** Path on the site: `/roles/<slug>/` or `/skills/<slug>/`. */
  url: string;
  name: string;
  /** What a hit shows under the name: a role's tagline, a skill's description. */
  summary: string;
  /** The rest of the page's own words: a role's summary and its responsibilities section; empty for a skill. */
  content: string;
  /** A skill's category (`database`, `framework`, …); null for a role. */
  category: string | null;
  /** Unix seconds; reconcile compares it with Strapi's. */
  updatedAt: number;
};

/** The embedder's name in the index settings, in documents' `_vectors` and in hybrid queries. */
export const EMBEDDER = 'minilm';

/**
 * The `articles` index's `embedders` setting when semantic search is on (pages and salaries have none): Meilisearch's `rest` embedder calling
 * the embedder (`url`, as Meilisearch reaches it) for each hybrid query's vector, so browsers keep
 * their search-only key. Documents arrive with their vectors (search-sync embeds them, keeping what
 * it embedded), marked not to be regenerated, so Meilisearch never embeds documents itself: the
 * template is never used and only names the start of a document's first vector's text, its whole
 * (`embeddingText` adds the headings; the other vectors are its sections', `articleVectors`). It stays
 * as it is, since a changed embedder setting is a settings task over every document of the index.
 * The request and response follow the embedder's `POST /embed` contract (`{{..}}`: Meilisearch may
 * send several texts at once).
 * The vectors stay in Meilisearch's default store: 1.21's graph store (`vectorStore: "experimental"`)
 * writes a publish's vectors far sooner, but once documents of several vectors have them replaced
 * by an update, as every publish and edit does, its searches by meaning fail ("Links must exist").
 */
export function embedderSettings(url: string, apiKey: string) {
  return {
    [EMBEDDER]: {
      source: 'rest',
      url: `${url}/embed`,
      apiKey,
      dimensions: 384,
      documentTemplate: '{{doc.title}}. {{doc.excerpt}}',
      request: { input: ['{{text}}', '{{..}}'] },
      response: { embeddings: ['{{embedding}}', '{{..}}'] },
    },
  } as const;
}

/**
 * The `hybrid` parameter of the site's semantic query: Meilisearch ranks by meaning alone, and the
 * site blends those hits into the keyword hits itself, by rank (its merge-hits.ts), because the two
 * want different text (see semantic-results.ts).
 */
export const MEANING_ONLY = { embedder: EMBEDDER, semanticRatio: 1 } as const;

/**
 * Settings of the `pages` index: the name first, then what kind of page it is ("role", "skill", a
 * skill's category), the line under the name, then the rest. A page is a few short fields, so which
 * field matched and whether the name matches exactly rank before the distance between the words,
 * which across fields says little (measured with `npm run bench -- relevance`).
 */
export const PAGE_SETTINGS = {
  searchableAttributes: ['name', 'type', 'category', 'summary', 'content'],
  displayedAttributes: ['id', 'type', 'documentId', 'slug', 'url', 'name', 'summary', 'content', 'category', 'updatedAt'],
  filterableAttributes: ['type'],
  sortableAttributes: [],
  rankingRules: ['words', 'attribute', 'exactness', 'typo', 'proximity'],
  typoTolerance: TYPOS,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 100 },
} as const;

/** Paths of an article, role and skill page, as the site builds them. */
export { articlePath as articleUrl, rolePath as roleUrl, skillPath as skillUrl } from './site-paths.ts';
