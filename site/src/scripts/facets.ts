import { FACETS, type FacetName } from '@stackguide/contracts/search-index';
import { escapeHtml } from './highlight.ts';
import type { FacetDistribution, Hit } from './search-request.ts';
import { FACET_PARAM, type SearchState } from './search-url.ts';

const LEGENDS: Record<FacetName, string> = { roles: 'Roles', skills: 'Skills' };
/** A facet with more values than this gets a box to filter them by typing (Meilisearch facet search). */
export const FILTERABLE_FROM = 8;

/**
 * Checkbox items of one facet, as HTML: every counted value plus any value already chosen (so it can
 * be unticked even when the current results no longer contain it), most frequent first.
 * `labels` maps stored values (role slugs) to display names.
 */
export function renderFacetItems(
  facet: FacetName,
  counted: Record<string, number> | undefined,
  state: SearchState,
  labels: Record<string, string>,
): string {
  const counts = { ...counted };
  for (const chosen of state[facet]) counts[chosen] ??= 0;
  const values = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (values.length === 0) return `<li class="facet-none">No ${LEGENDS[facet].toLowerCase()} match</li>`;
  return values
    .map(([value, count]) => {
      const checked = state[facet].includes(value) ? ' checked' : '';
      return (
        `<li><label><input type="checkbox" name="${FACET_PARAM[facet]}" value="${escapeHtml(value)}" data-facet="${facet}"${checked}> ` +
        `${escapeHtml(labels[value] ?? value)} <span class="facet-count">(${count})</span></label></li>`
      );
    })
    .join('');
}

/**
 * Checkbox groups for the facets, as HTML, each with a filter box when it has many values (or is
 * being filtered: `filters` holds the text typed per facet).
 */
export function renderFacets(
  distribution: FacetDistribution,
  state: SearchState,
  labels: Record<string, string>,
  filters: Partial<Record<FacetName, string>> = {},
): string {
  return FACETS.map((facet) => {
    const text = filters[facet] ?? '';
    const many = Object.keys(distribution[facet] ?? {}).length > FILTERABLE_FROM;
    if (!text && !many && Object.keys(distribution[facet] ?? {}).length + state[facet].length === 0) return '';
    const legend = LEGENDS[facet];
    const filter =
      text || many
        ? `<input type="search" class="facet-filter" data-facet-filter="${facet}" aria-label="Filter ${legend.toLowerCase()}" placeholder="Filter ${legend.toLowerCase()}" autocomplete="off" value="${escapeHtml(text)}">`
        : '';
    return `<fieldset class="facet"><legend>${legend}</legend>${filter}<ul data-facet-list="${facet}">${renderFacetItems(facet, distribution[facet], state, labels)}</ul></fieldset>`;
  }).join('');
}

/**
 * Facet counts of the hits themselves: Meilisearch counts a hybrid query's facets over the whole
 * index, so results that only meaning found are counted here.
 */
export function hitFacets(hits: Hit[]): FacetDistribution {
  const counts: FacetDistribution = {};
  for (const facet of FACETS) {
    const counted: Record<string, number> = {};
    for (const hit of hits) for (const value of Array.isArray(hit[facet]) ? hit[facet] : []) counted[value] = (counted[value] ?? 0) + 1;
    counts[facet] = counted;
  }
  return counts;
}
