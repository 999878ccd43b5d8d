import { FACETS, type FacetName } from '@stackguide/search-sync/contract';
import { escapeHtml } from './highlight.ts';
import type { FacetDistribution } from './search-client.ts';
import { FACET_PARAM, type SearchState } from './search-url.ts';

const LEGENDS: Record<FacetName, string> = { roles: 'Roles', skills: 'Skills' };

/**
 * Checkbox groups for the facets, as HTML: every value Meilisearch counted plus any value already
 * chosen (so it can be unticked even when the current results no longer contain it).
 * `labels` maps stored values (role slugs) to display names.
 */
export function renderFacets(distribution: FacetDistribution, state: SearchState, labels: Record<string, string>): string {
  return FACETS.map((facet) => {
    const counts = { ...distribution[facet] };
    for (const chosen of state[facet]) counts[chosen] ??= 0;
    const values = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (values.length === 0) return '';
    const items = values
      .map(([value, count]) => {
        const checked = state[facet].includes(value) ? ' checked' : '';
        return (
          `<li><label><input type="checkbox" name="${FACET_PARAM[facet]}" value="${escapeHtml(value)}" data-facet="${facet}"${checked}> ` +
          `${escapeHtml(labels[value] ?? value)} <span class="facet-count">(${count})</span></label></li>`
        );
      })
      .join('');
    return `<fieldset class="facet"><legend>${LEGENDS[facet]}</legend><ul>${items}</ul></fieldset>`;
  }).join('');
}
