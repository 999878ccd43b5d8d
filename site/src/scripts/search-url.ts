/** What a search is: the text and the chosen facet values. Lives in the URL of /search/. */
export type SearchState = { q: string; roles: string[]; skills: string[] };

export const EMPTY_STATE: SearchState = { q: '', roles: [], skills: [] };

const unique = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

/** Reads `?q=…&role=…&skill=…` (role and skill may repeat) into a state. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    roles: unique(params.getAll('role')),
    skills: unique(params.getAll('skill')),
  };
}

/** The query string for a state, `?` included, or '' for the empty state; sorted so equal states share a URL. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const role of [...state.roles].sort()) params.append('role', role);
  for (const skill of [...state.skills].sort()) params.append('skill', skill);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const sameState = (a: SearchState, b: SearchState): boolean => stateToSearch(a) === stateToSearch(b);

/** Whether the state asks for results at all (text or a filter). */
export const hasCriteria = (state: SearchState): boolean =>
  state.q.trim() !== '' || state.roles.length > 0 || state.skills.length > 0;

/** The state with `value` added to or removed from a facet. */
export function toggleFacet(state: SearchState, facet: 'roles' | 'skills', value: string): SearchState {
  const current = state[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [facet]: next };
}
