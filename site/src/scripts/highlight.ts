import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * HTML for a Meilisearch-formatted string: everything is escaped first, then only the contract's
 * highlight markers become `<mark>`s. Unbalanced markers (a title could contain the marker
 * characters itself) are dropped or closed, so the output is always well-formed.
 */
export function highlightHtml(text: string): string {
  let open = false;
  let html = '';
  for (const part of text.split(new RegExp(`(${HIGHLIGHT_PRE}|${HIGHLIGHT_POST})`))) {
    if (part === HIGHLIGHT_PRE) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_POST) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
