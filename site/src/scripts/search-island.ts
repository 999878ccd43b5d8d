import { createSearchClient } from './search-client.ts';
import { enhanceHeader, focusOnSlash } from './search-header.ts';
import { enhancePage } from './search-page.ts';
import { createSearchReporter } from './search-report.ts';
import { createSyncApi } from './sync-api.ts';

// Entry point shipped on every page. Without the build-time URL and search-only key the forms
// stay plain and submit to /search/, which lists every article.
const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
const { meiliUrl, meiliKey, syncUrl, semantic } = form?.dataset ?? {};
if (form && meiliUrl && meiliKey) {
  const api = createSyncApi(syncUrl);
  const reporter = createSearchReporter(api);
  addEventListener('pagehide', reporter.flush);
  enhanceHeader(form, createSearchClient({ url: meiliUrl, key: meiliKey }), reporter);
  const app = document.querySelector<HTMLElement>('#search-app');
  if (app) enhancePage(app, createSearchClient({ url: meiliUrl, key: meiliKey }), api, reporter, semantic === 'on');
}
focusOnSlash(() => document.querySelector<HTMLInputElement>('#search-q') ?? form?.querySelector<HTMLInputElement>('input[name=q]') ?? null);
