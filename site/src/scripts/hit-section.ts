import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';
import type { Hit } from './search-request.ts';

/** A section of a hit as Meilisearch formats it: heading and cropped text carry highlight markers. */
export type HitSection = { id: string; heading: string; text: string };

const MARKED = new RegExp(`${HIGHLIGHT_PRE}([^${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}`, 'g');
/** Heading ids as `collectHeadings` makes them; anything else from the wire is not linked. */
const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Distinct highlighted words in formatted strings, folded so that spellings and plurals of one word
 * count once ("Front end", "front-end", "frontends" → "frontend").
 */
function markedWords(...texts: unknown[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(MARKED))
      words.add(
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]/gu, '')
          .replace(/ies$/, 'y')
          .replace(/([^s])s$/, '$1'),
      );
  }
  return words;
}

const asSection = (value: unknown): HitSection | null => {
  const s = value as Partial<HitSection> | null;
  return s && typeof s.id === 'string' && HEADING_ID.test(s.id) && typeof s.heading === 'string' && typeof s.text === 'string'
    ? (s as HitSection)
    : null;
};

/** A word the title holds, also as a prefix either way ("develop" in a title with "developer"). */
const inTitle = (word: string, title: Set<string>) => [...title].some((t) => t.startsWith(word) || word.startsWith(t));
const outside = (words: Set<string>, title: Set<string>) => [...words].filter((w) => !inTitle(w, title)).length;

/**
 * The section a hit for `q` should link to, or null for the top of the article. The top when the
 * title matches as many words as the query has, or holds every word that matched anywhere (the
 * article as a whole is the answer). Otherwise the section adding most words the title lacks (then:
 * its heading adding words, most words, the first), provided it matches at least as many words as
 * the title and the intro together. The excerpt does not count for the top: it summarises the whole
 * article, so it matches what the sections say.
 */
export function bestSection(hit: Hit, q: string): HitSection | null {
  const formatted = hit._formatted;
  const sections = (Array.isArray(formatted?.sections) ? formatted.sections : []).map(asSection).filter((s): s is HitSection => s !== null);
  const title = markedWords(formatted?.title);
  if (title.size >= q.split(/\s+/).filter(Boolean).length) return null;
  const top = markedWords(formatted?.title, formatted?.content).size;
  let best: HitSection | null = null;
  let bestScore: number[] = [];
  for (const section of sections) {
    const words = markedWords(section.heading, section.text);
    const score = [outside(words, title), outside(markedWords(section.heading), title), words.size];
    if (words.size >= top && score[0]! > 0 && isBetter(score, bestScore)) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}

const isBetter = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== (b[i] ?? -1)) return a[i]! > (b[i] ?? -1);
  return false;
};

/** Where a hit links: its best section's anchor on the article page, or the article itself. */
export function hitHref(url: string, section: HitSection | null): string {
  return section ? `${url}#${section.id}` : url;
}
