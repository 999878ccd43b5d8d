import { escapeHtml, highlightHtml } from './highlight.ts';
import { bestSection, hitHref } from './hit-section.ts';
import type { Hit } from './search-client.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Only paths on this site may become links, never `javascript:` or another origin. */
const isSitePath = (v: unknown): v is string =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\');

/**
 * Listbox options for the hits, as HTML. Each option is itself the link (an `<a role="option">`), so
 * mouse, touch and middle-click work natively while the combobox moves a virtual focus over them.
 * A hit whose best match for `q` lies in a section names that section and links to its heading. Options are
 * numbered from `first` (ids and `data-position`, the rank among all results). Every value from
 * Meilisearch passes through escapeHtml/highlightHtml.
 */
export function renderHits(hits: Hit[], idPrefix: string, q: string, first = 0): string {
  return hits
    .filter((hit) => isSitePath(hit.url))
    .map((hit, i) => {
      const n = first + i;
      const section = bestSection(hit, q);
      const title = highlightHtml(str(hit._formatted?.title) || str(hit.title));
      const snippet = highlightHtml(section?.text || str(hit._formatted?.content) || str(hit._formatted?.excerpt) || str(hit.excerpt));
      const roles = Array.isArray(hit.roleNames) ? hit.roleNames.filter((r): r is string => typeof r === 'string') : [];
      const chips = roles.map((r) => `<span class="chip">${escapeHtml(r)}</span>`).join('');
      return (
        `<a role="option" id="${idPrefix}-${n}" class="search-hit" href="${escapeHtml(hitHref(hit.url as string, section))}" tabindex="-1" aria-selected="false" data-position="${n + 1}">` +
        `<span class="search-hit-title">${title}</span>` +
        (section ? `<span class="search-hit-section"><span class="visually-hidden">Section: </span>${highlightHtml(section.heading)}</span>` : '') +
        (snippet ? `<span class="search-hit-snippet">${snippet}</span>` : '') +
        (chips ? `<span class="search-hit-roles">${chips}</span>` : '') +
        '</a>'
      );
    })
    .join('');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The line the live region announces after a search. */
export function resultCountText(total: number, ms: number, q: string): string {
  const text = q.trim() ? `“${q.trim()}”` : '';
  return total === 0 ? `No articles match${text && ` ${text}`}.` : `${plural(total, 'result')}${text && ` for ${text}`} (${ms} ms).`;
}
