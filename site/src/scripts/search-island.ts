import { createSearchClient } from './search-client.ts';
import { enhanceHeader, focusOnSlash } from './search-header.ts';
import { enhancePage } from './search-page.ts';
import { createSearchReporter } from './search-report.ts';
import { createSemanticSearch } from './semantic-results.ts';
import { createSyncApi } from './sync-api.ts';

// Entry point shipped on every page. Without the build-time URL and search-only key the forms
// stay plain and submit to /search/, which lists every article.
const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
const { meiliUrl, meiliKey, syncUrl, semantic } = form?.dataset ?? {};
if (form && meiliUrl && meiliKey) {
  const api = createSyncApi(syncUrl);
  const reporter = createSearchReporter(api);
  addEventListener('pagehide', reporter.flush);
  // Asked for once someone is about to search: until they arrive, queries go as typed.
  const stopWords = new Set<string>();
  const loadStopWords = () =>
    api.terms().then((t) => {
      for (const w of t.stopWords) stopWords.add(w.toLowerCase());
    });
  const client = () => createSearchClient({ url: meiliUrl, key: meiliKey, stopWords: () => stopWords });
  form.addEventListener('focusin', () => void loadStopWords(), { once: true });
  const header = client();
  enhanceHeader(form, header, reporter, semantic === 'on' ? createSemanticSearch(header) : undefined);
  const app = document.querySelector<HTMLElement>('#search-app');
  if (app) {
    // An address with a query is searched at once: the stop words get a moment to arrive first.
    const loaded = loadStopWords();
    const wait = new URLSearchParams(location.search).get('q') ? Promise.race([loaded, new Promise((r) => setTimeout(r, 300))]) : null;
    const enhance = () => enhancePage(app, client(), api, reporter, semantic === 'on');
    if (wait) void wait.then(enhance);
    else enhance();
  }
}
focusOnSlash(() => document.querySelector<HTMLInputElement>('#search-q') ?? form?.querySelector<HTMLInputElement>('input[name=q]') ?? null);
