import { FACETS, type FacetName } from '@stackguide/contracts/search-index';
import { renderFacetItems, renderFacets } from './facets.ts';
import type { SearchClient } from './search-client.ts';
import type { FacetDistribution } from './search-request.ts';
import { isFacet, type SearchState } from './search-url.ts';

export type FacetColumn = {
  /** The column's HTML for a result's facet counts; a facet being filtered lists its facet search's values instead. */
  html(state: SearchState, counts: FacetDistribution): Promise<string>;
  /** The HTML shown now. */
  shown(): string;
  /** Shows `html` (hidden when empty), keeping keyboard focus on the checkbox or filter box it was on. */
  show(html: string): void;
};

/**
 * The search page's facet column: checkbox groups, and for a facet with many values a box that
 * filters them by typing (Meilisearch facet search). The text typed is not part of the URL.
 */
export function attachFacetColumn(
  column: HTMLElement,
  client: Pick<SearchClient, 'facetSearch'>,
  labels: Record<string, string>,
  state: () => SearchState,
): FacetColumn {
  const typed: Partial<Record<FacetName, string>> = {};
  let counted: FacetDistribution = {};
  let shown = '';

  /** Values of a facet being filtered, from facet search; the counted values otherwise (or when that fails). */
  const values = async (facet: FacetName): Promise<Record<string, number> | undefined> => {
    const text = typed[facet];
    if (!text) return counted[facet];
    try {
      return Object.fromEntries((await client.facetSearch(state(), facet, text)).map((hit) => [hit.value, hit.count]));
    } catch {
      return counted[facet];
    }
  };

  column.addEventListener('input', async (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !isFacet(box.dataset.facetFilter)) return;
    const facet = box.dataset.facetFilter;
    const text = box.value.trim();
    typed[facet] = text;
    const found = await values(facet);
    const list = column.querySelector(`[data-facet-list="${facet}"]`);
    if (list && typed[facet] === text) list.innerHTML = renderFacetItems(facet, found, state(), labels);
  });

  return {
    async html(current, counts) {
      counted = counts;
      const distribution: FacetDistribution = {};
      for (const facet of FACETS) {
        const found = await values(facet);
        if (found) distribution[facet] = found;
      }
      return renderFacets(distribution, current, labels, typed);
    },
    shown: () => shown,
    show(html) {
      const active = document.activeElement;
      const focused = active instanceof HTMLInputElement && column.contains(active) ? active : null;
      const focusKey = focused?.dataset.facet
        ? `[data-facet="${focused.dataset.facet}"][value="${CSS.escape(focused.value)}"]`
        : focused?.dataset.facetFilter
          ? `[data-facet-filter="${focused.dataset.facetFilter}"]`
          : '';
      // Typing often leaves the facet counts as they were; rebuilding ~100 checkboxes each time is wasted work.
      if (html !== shown) column.innerHTML = shown = html;
      column.hidden = !html;
      // Re-rendering would drop keyboard focus on the checkbox just toggled or the filter being typed in.
      if (focusKey) column.querySelector<HTMLInputElement>(focusKey)?.focus();
    },
  };
}
