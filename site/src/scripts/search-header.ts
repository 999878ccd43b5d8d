import { attachCombobox } from './combobox.ts';
import { renderHits, resultCountText, upgradeSections } from './results-render.ts';
import { salaryCardHtml } from './salary-answer.ts';
import type { FoundResult, SearchClient } from './search-client.ts';
import type { Hit } from './search-request.ts';
import { onResultOpened, type SearchReporter } from './search-report.ts';
import type { SemanticSearch } from './semantic-results.ts';
import { EMPTY_STATE, stateToSearch } from './search-url.ts';

const PANEL_LIMIT = 6;

/** HTML of the message shown when Meilisearch cannot answer: never a blank panel or a spinner. */
export const UNAVAILABLE_HTML = 'Search is unavailable right now. <a href="/articles/">Browse all articles</a> instead.';

/**
 * Enhances the header search form on every page: results open in a panel under the box as the
 * visitor types, with a link to all results (and, when nothing matches, the suggestions) on
 * /search/; Enter without an active option still submits to /search/?q=…. With `meaning` (semantic
 * search on), a query whose words match nothing is asked by meaning, as /search/ would answer it.
 */
export function enhanceHeader(form: HTMLFormElement, client: SearchClient, reporter: SearchReporter, meaning?: SemanticSearch): void {
  const input = form.querySelector<HTMLInputElement>('input[name=q]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const listbox = panel?.querySelector<HTMLElement>('[role=listbox]');
  const message = panel?.querySelector<HTMLElement>('[data-search-message]');
  const more = panel?.querySelector<HTMLAnchorElement>('[data-search-more]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!input || !panel || !listbox || !message || !more || !status) return;

  const show = (open: boolean) => {
    panel.hidden = !open;
    combobox.update(open);
  };
  const clear = () => {
    client.cancel();
    listbox.replaceChildren();
    status.textContent = '';
    show(false);
  };
  const combobox = attachCombobox(input, listbox, clear);
  let total = 0;

  const run = async () => {
    const q = input.value;
    if (!q.trim()) return clear();
    const state = { ...EMPTY_STATE, q };
    more.href = `/search/${stateToSearch(state)}`;
    let result: FoundResult | null;
    try {
      result = await client.search(state, PANEL_LIMIT);
    } catch {
      listbox.replaceChildren();
      message.innerHTML = UNAVAILABLE_HTML;
      status.textContent = 'Search is unavailable right now.';
      return show(true);
    }
    if (!result) return;
    const card = result.answer ? salaryCardHtml(result.answer, 'header-answer') : '';
    const paint = (hits: Hit[], found: number) => {
      total = found;
      listbox.innerHTML = card + renderHits(hits.slice(0, PANEL_LIMIT), 'header-hit', q);
      status.textContent = resultCountText(found, result.ms, q);
      // The count line says "No articles match …" when nothing does: the panel shows it too.
      message.textContent = found ? '' : status.textContent;
      more.textContent = !found
        ? 'Suggestions and all articles'
        : found > PANEL_LIMIT
          ? `All ${found} results and filters`
          : 'Search page with filters';
    };
    paint(result.hits, result.total);
    reporter.showed(q, total);
    show(true);
    // Pages merged in may push articles past the panel's end: what is painted is what gets its sections.
    await upgradeSections(listbox, { ...result, hits: result.hits.slice(0, PANEL_LIMIT) }, 'header-hit', q);
    // Asked once "no match" is painted, so a slow embedder never holds the panel; a newer keystroke wins.
    const hits = total ? null : await meaning?.(state, PANEL_LIMIT, []);
    if (hits?.length && input.value === q) {
      paint(hits, hits.length);
      show(!panel.hidden);
    }
  };

  input.addEventListener('input', () => void run());
  form.addEventListener('submit', () => reporter.flush());
  onResultOpened(listbox, (position) => reporter.opened(input.value, total, position));
  input.addEventListener('focus', () => {
    if (input.value.trim() && (listbox.childElementCount > 0 || message.textContent)) show(true);
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) show(false);
  });
}

/** `/` focuses the search box (the page's own box on /search/), unless the visitor is typing somewhere. */
export function focusOnSlash(target: () => HTMLInputElement | null): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const el = event.target;
    if (el instanceof HTMLElement && (el.isContentEditable || el.matches('input,textarea,select'))) return;
    const input = target();
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
