import { attachCombobox } from './combobox.ts';
import { renderFacets } from './facets.ts';
import { attachFiltersPanel } from './filters-panel.ts';
import { escapeHtml } from './highlight.ts';
import { renderHits, resultCountText } from './results-render.ts';
import type { SearchClient } from './search-client.ts';
import { UNAVAILABLE_HTML } from './search-header.ts';
import { EMPTY_STATE, FACET_PARAM, hasCriteria, hasFilters, isFacet, parseState, stateToSearch, toggleFacet, type SearchState } from './search-url.ts';

const PAGE_LIMIT = 20;
type Role = { slug: string; name: string };

/**
 * Enhances /search/: live results with facets, state in the URL (typing replaces the history
 * entry, a filter change pushes one, so back/forward walk through filters). The server-rendered
 * list of all articles stays for empty queries, no results and errors.
 */
export function enhancePage(app: HTMLElement, client: SearchClient): void {
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const status = app.querySelector<HTMLElement>('[data-search-status]');
  const message = app.querySelector<HTMLElement>('[data-search-message]');
  const facets = app.querySelector<HTMLElement>('[data-search-facets]');
  const listbox = app.querySelector<HTMLElement>('[role=listbox]');
  const fallback = document.querySelector<HTMLElement>('#search-fallback');
  if (!input || !status || !message || !facets || !listbox || !fallback) return;
  const roles = JSON.parse(app.dataset.roles ?? '[]') as Role[];
  const roleNames = Object.fromEntries(roles.map((r) => [r.slug, r.name]));
  let state = parseState(location.search);

  const go = (next: SearchState, push: boolean) => {
    state = next;
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void run();
  };
  const combobox = attachCombobox(input, listbox, () => go({ ...state, q: '' }, false));
  const filters = attachFiltersPanel(app);

  const show = (parts: { results?: string; facets?: string; message?: string; status: string; fallback: boolean }) => {
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
    const focusKey = focused?.dataset.facet ? `[data-facet="${focused.dataset.facet}"][value="${CSS.escape(focused.value)}"]` : '';
    listbox.innerHTML = parts.results ?? '';
    facets.innerHTML = parts.facets ?? '';
    facets.hidden = !parts.facets;
    filters?.update(state.roles.length + state.skills.length, Boolean(parts.facets));
    message.innerHTML = parts.message ?? '';
    status.textContent = parts.status;
    fallback.hidden = !parts.fallback;
    combobox.update(Boolean(parts.results));
    // Re-rendering the facets would drop keyboard focus on the checkbox just toggled.
    if (focusKey) facets.querySelector<HTMLInputElement>(focusKey)?.focus();
  };

  const suggestions = () =>
    roles.length === 0
      ? ''
      : `<p>Type to search, or start from a role: ${roles
          .map((r) => `<a href="/search/?${FACET_PARAM.roles}=${encodeURIComponent(r.slug)}" data-role="${escapeHtml(r.slug)}">${escapeHtml(r.name)}</a>`)
          .join(', ')}.</p>`;

  async function run(): Promise<void> {
    input!.value = state.q;
    if (!hasCriteria(state)) {
      client.cancel();
      return show({ message: suggestions(), status: '', fallback: true });
    }
    try {
      const result = await client.search(state, PAGE_LIMIT);
      if (!result) return;
      const filtered = hasFilters(state);
      const none = result.hits.length === 0;
      show({
        results: renderHits(result.hits, 'search-hit'),
        facets: renderFacets(result.facets, state, roleNames),
        message: none
          ? `<p>No articles match${state.q.trim() ? ` “${escapeHtml(state.q.trim())}”` : ''}${filtered ? ' with these filters. <button type="button" data-clear-filters>Remove all filters</button>' : '. Check the spelling, or browse all articles below.'}</p>`
          : '',
        status: resultCountText(result.total, result.ms, state.q),
        fallback: none,
      });
    } catch {
      show({ message: `<p>${UNAVAILABLE_HTML} They are also listed below.</p>`, status: 'Search is unavailable right now.', fallback: true });
    }
  }

  input.addEventListener('input', () => go({ ...state, q: input.value }, false));
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...state, q: input.value }, false);
  });
  app.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && isFacet(box.dataset.facet)) go(toggleFacet(state, box.dataset.facet, box.value), true);
  });
  app.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const role = target?.closest<HTMLElement>('[data-role]')?.dataset.role;
    if (role) {
      event.preventDefault();
      go({ ...state, roles: [role] }, true);
    } else if (target?.closest('[data-clear-filters]')) {
      go({ ...EMPTY_STATE, q: state.q }, true);
    }
  });
  addEventListener('popstate', () => {
    state = parseState(location.search);
    void run();
  });
  app.hidden = false;
  void run();
}
