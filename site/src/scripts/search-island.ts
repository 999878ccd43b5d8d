import { createSearchClient } from './search-client.ts';
import { enhanceHeader, focusOnSlash } from './search-header.ts';
import { enhancePage } from './search-page.ts';

// Entry point shipped on every page. Without the build-time URL and search-only key the forms
// stay plain and submit to /search/, which lists every article.
const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
const { meiliUrl, meiliKey } = form?.dataset ?? {};
if (form && meiliUrl && meiliKey) {
  enhanceHeader(form, createSearchClient({ url: meiliUrl, key: meiliKey }));
  const app = document.querySelector<HTMLElement>('#search-app');
  if (app) enhancePage(app, createSearchClient({ url: meiliUrl, key: meiliKey }));
}
focusOnSlash(() => document.querySelector<HTMLInputElement>('#search-q') ?? form?.querySelector<HTMLInputElement>('input[name=q]') ?? null);
