import { FACETS, type FacetName, MAX_TOTAL_HITS } from '@stackguide/contracts/search-index';

/**
 * What a search is: the text, the chosen values of each facet, and how many pages of results are
 * shown (1 unless "More results" was used). Lives in the URL of /search/.
 */
export type SearchState = { q: string; page: number } & Record<FacetName, string[]>;

export const EMPTY_STATE: SearchState = { q: '', page: 1, roles: [], skills: [] };

/** Results /search/ shows per page ("More results" adds the next page). */
export const PAGE_SIZE = 10;
/** Meilisearch returns at most `maxTotalHits` results, so pages stop there. */
export const MAX_PAGE = MAX_TOTAL_HITS / PAGE_SIZE;

/** The query parameter of each facet: one value per parameter, repeated (`?role=a&role=b`). */
export const FACET_PARAM: Record<FacetName, string> = { roles: 'role', skills: 'skill' };

/** Narrows a string from the page (a checkbox's data attribute) to a facet name. */
export const isFacet = (value: string | undefined): value is FacetName => FACETS.some((f) => f === value);

const unique = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

/** Reads `?q=…&role=…&skill=…&page=…` (role and skill may repeat) into a state; a page out of range is the nearest valid one. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(params.get('page'))) || 1));
  const state: SearchState = { ...EMPTY_STATE, q: params.get('q') ?? '', page };
  for (const facet of FACETS) state[facet] = unique(params.getAll(FACET_PARAM[facet]));
  return state;
}

/** The query string for a state, `?` included, or '' for the empty state; sorted so equal states share a URL. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const facet of FACETS) for (const value of [...state[facet]].sort()) params.append(FACET_PARAM[facet], value);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const sameState = (a: SearchState, b: SearchState): boolean => stateToSearch(a) === stateToSearch(b);

/** Whether any facet value is chosen. */
export const hasFilters = (state: SearchState): boolean => FACETS.some((facet) => state[facet].length > 0);

/** Whether the state asks for results at all (text or a filter). */
export const hasCriteria = (state: SearchState): boolean => state.q.trim() !== '' || hasFilters(state);

/** The state with `value` added to or removed from a facet, back on the first page. */
export function toggleFacet(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, page: 1, [facet]: next };
}
