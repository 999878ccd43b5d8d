import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/search-sync/contract';
import type { Hit } from './search-client.ts';

/** A section of a hit as Meilisearch formats it: heading and cropped text carry highlight markers. */
export type HitSection = { id: string; heading: string; text: string };

const MARKED = new RegExp(`${HIGHLIGHT_PRE}([^${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}`, 'g');
/** Heading ids as `collectHeadings` makes them; anything else from the wire is not linked. */
const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Distinct highlighted words (lower case) in formatted strings. */
function markedWords(...texts: unknown[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) if (typeof text === 'string') for (const m of text.matchAll(MARKED)) words.add(m[1]!.toLowerCase());
  return words;
}

const asSection = (value: unknown): HitSection | null => {
  const s = value as Partial<HitSection> | null;
  return s && typeof s.id === 'string' && HEADING_ID.test(s.id) && typeof s.heading === 'string' && typeof s.text === 'string' ? (s as HitSection) : null;
};

/**
 * The section a hit should link to: the one whose heading and text match more of the query's words
 * than the top of the article (title, excerpt, intro) does — so an article that matches as a whole
 * still opens at its top. Among sections, more words win, then a matching heading, then the first.
 * Null when no section beats the top.
 */
export function bestSection(hit: Hit): HitSection | null {
  const formatted = hit._formatted;
  const top = markedWords(formatted?.title, formatted?.excerpt, formatted?.content).size;
  let best: HitSection | null = null;
  let bestScore = 0;
  for (const value of Array.isArray(formatted?.sections) ? formatted.sections : []) {
    const section = asSection(value);
    if (!section) continue;
    const words = markedWords(section.heading, section.text).size;
    const score = words * 2 + (markedWords(section.heading).size > 0 ? 1 : 0);
    if (words > top && score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}

/** Where a hit links: its best section's anchor on the article page, or the article itself. */
export function hitHref(url: string, section: HitSection | null): string {
  return section ? `${url}#${section.id}` : url;
}
