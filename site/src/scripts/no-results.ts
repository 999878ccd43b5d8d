import { escapeHtml } from './highlight.ts';
import type { SearchClient } from './search-client.ts';
import { countQuery } from './search-request.ts';
import { queryWords, suggestQueries } from './search-suggest.ts';
import { EMPTY_STATE, type SearchState, stateToSearch } from './search-url.ts';
import type { SyncApi } from './sync-api.ts';

export type RoleLink = { slug: string; name: string };

/** A link to another search on /search/; the page runs it in place (`data-go`), without a reload. */
const searchLink = (state: SearchState, text: string) => `<a href="/search/${stateToSearch(state)}" data-go>${escapeHtml(text)}</a>`;
const plural = (n: number) => `${n} result${n === 1 ? '' : 's'}`;

/** Where to go from here: the roles, then the most searched queries. Empty when there is neither. */
export function startingPoints(popular: string[], roles: RoleLink[]): string {
  const roleLinks = roles.map((r) => searchLink({ ...EMPTY_STATE, roles: [r.slug] }, r.name)).join(', ');
  const queries = popular.map((q) => searchLink({ ...EMPTY_STATE, q }, q)).join(', ');
  return (roleLinks ? `<p>Start from a role: ${roleLinks}.</p>` : '') + (queries ? `<p>Popular searches: ${queries}.</p>` : '');
}

/**
 * Suggestions for a search that found nothing, as HTML: another spelling from the vocabulary and the
 * skill names ("did you mean"), the query without the words that find nothing, each with its count
 * (only those that find something); then the popular queries and the roles. Asks Meilisearch twice
 * (how much each word finds alone, then the suggestions' counts); a failure just leaves them out.
 */
export async function suggestionsHtml(client: SearchClient, api: SyncApi, state: SearchState, roles: RoleLink[]): Promise<string> {
  const popular = api.popular();
  let suggestions = '';
  try {
    const { terms, stopWords } = await api.terms();
    const words = queryWords(state.q, stopWords);
    if (words.length > 0) {
      const answers = await client.ask([...words.map((w) => countQuery(state, w)), countQuery(EMPTY_STATE, '', ['skills'])]);
      const skills = Object.keys(answers[words.length]?.facetDistribution?.skills ?? {});
      const names = [...skills, ...roles.map((r) => r.name)].map((n) => n.toLowerCase());
      const { corrected, reduced } = suggestQueries(
        words,
        answers.map((a) => a.estimatedTotalHits ?? 0),
        [...terms, ...names],
      );
      const offers = [corrected, reduced].filter((q): q is string => q !== null);
      const counts =
        offers.length > 0 ? (await client.ask(offers.map((q) => countQuery(state, q)))).map((a) => a.estimatedTotalHits ?? 0) : [];
      const offer = (q: string | null, html: (link: string) => string) => {
        const n = q ? (counts[offers.indexOf(q)] ?? 0) : 0;
        return q && n > 0 ? `<p>${html(`${searchLink({ ...state, q, page: 1 }, q)} (${plural(n)})`)}</p>` : '';
      };
      suggestions = offer(corrected, (link) => `Did you mean ${link}?`) + offer(reduced, (link) => `Search for ${link} instead.`);
    }
  } catch {
    // Suggestions are a help, not the answer: without them the popular queries and roles remain.
  }
  return suggestions + startingPoints(await popular, roles);
}
