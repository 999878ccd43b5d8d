import { HIGHLIGHT_POST, HIGHLIGHT_PRE, INDEX_UID, SEARCH_DISPLAY } from '@stackguide/search-sync/contract';

/**
 * Minimal progressive enhancement for /search/: queries Meilisearch as the visitor types, with the
 * search-only key the build put on the element. Results are built with DOM nodes and textContent;
 * the only elements created from Meilisearch data are our own <mark>s at the highlight markers.
 */
type Hit = {
  url?: unknown;
  title?: unknown;
  excerpt?: unknown;
  roleNames?: unknown;
  _formatted?: { title?: unknown; excerpt?: unknown; content?: unknown };
};
type SearchResponse = { hits?: Hit[]; estimatedTotalHits?: number; processingTimeMs?: number };

const RESULT_LIMIT = 20;

function highlighted(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let mark: HTMLElement | null = null;
  let buffer = '';
  const flush = () => {
    if (buffer) (mark ?? fragment).appendChild(document.createTextNode(buffer));
    buffer = '';
  };
  for (const ch of text) {
    if (ch === HIGHLIGHT_PRE && !mark) {
      flush();
      mark = document.createElement('mark');
    } else if (ch === HIGHLIGHT_POST && mark) {
      flush();
      fragment.appendChild(mark);
      mark = null;
    } else if (ch !== HIGHLIGHT_PRE && ch !== HIGHLIGHT_POST) {
      buffer += ch;
    }
  }
  flush();
  if (mark) fragment.appendChild(mark);
  return fragment;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isSitePath = (v: unknown): v is string => typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\');

function renderHit(hit: Hit): HTMLLIElement | null {
  if (!isSitePath(hit.url)) return null;
  const li = document.createElement('li');
  li.className = 'card';
  const heading = document.createElement('h2');
  heading.className = 'card-title';
  const link = document.createElement('a');
  link.href = hit.url;
  link.appendChild(highlighted(str(hit._formatted?.title) || str(hit.title)));
  heading.appendChild(link);
  const snippet = document.createElement('p');
  snippet.appendChild(highlighted(str(hit._formatted?.content) || str(hit._formatted?.excerpt) || str(hit.excerpt)));
  li.append(heading, snippet);
  const roles = Array.isArray(hit.roleNames) ? hit.roleNames.filter((r): r is string => typeof r === 'string') : [];
  if (roles.length > 0) {
    const chips = document.createElement('ul');
    chips.className = 'chips';
    chips.setAttribute('aria-label', 'Roles');
    for (const role of roles) {
      const chip = document.createElement('li');
      chip.className = 'chip';
      chip.textContent = role;
      chips.appendChild(chip);
    }
    li.appendChild(chips);
  }
  return li;
}

function start(root: HTMLElement): void {
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const fallback = document.querySelector<HTMLElement>('#search-fallback');
  if (!input || !status || !list || !fallback) return;
  root.hidden = false;
  const { meiliUrl, meiliKey } = root.dataset;
  if (!meiliUrl || !meiliKey) {
    status.textContent = 'Search is unavailable right now. Browse all articles below.';
    return;
  }
  let sequence = 0;
  let inFlight: AbortController | null = null;

  const show = (text: string, hits: HTMLLIElement[], hideFallback: boolean) => {
    status.textContent = text;
    list.replaceChildren(...hits);
    fallback.hidden = hideFallback;
  };

  const search = async (q: string) => {
    const mine = ++sequence;
    inFlight?.abort();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q.trim()) {
      inFlight = null;
      show('', [], false);
      return;
    }
    inFlight = new AbortController();
    try {
      const res = await fetch(`${meiliUrl.replace(/\/+$/, '')}/indexes/${INDEX_UID}/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${meiliKey}` },
        body: JSON.stringify({ q, limit: RESULT_LIMIT, ...SEARCH_DISPLAY }),
        signal: inFlight.signal,
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as SearchResponse;
      if (mine !== sequence) return;
      const hits = (body.hits ?? []).map(renderHit).filter((h): h is HTMLLIElement => h !== null);
      const total = body.estimatedTotalHits ?? hits.length;
      show(hits.length === 0 ? `No articles match “${q}”.` : `${total} result${total === 1 ? '' : 's'} for “${q}”.`, hits, hits.length > 0);
    } catch (err) {
      if (mine !== sequence || (err instanceof DOMException && err.name === 'AbortError')) return;
      show('Search is unavailable right now. Browse all articles below.', [], false);
    }
  };

  input.addEventListener('input', () => void search(input.value));
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

const root = document.querySelector<HTMLElement>('#search-app');
if (root) start(root);
