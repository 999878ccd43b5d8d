import type { Block } from '@stackguide/contracts/blocks';
import { blocksText } from './blocks-text.ts';

/** A typical adult's silent reading speed for non-fiction. */
export const WORDS_PER_MINUTE = 220;

/**
 * Whole minutes to read an article body (its plain text, image alternative text included) at
 * WORDS_PER_MINUTE, at least one. Title and excerpt are not counted: the figure sits next to them
 * and answers "how long is the article below".
 */
export function readingMinutes(blocks: readonly Block[] | null | undefined): number {
  return Math.max(1, Math.round(wordCount(blocksText(blocks)) / WORDS_PER_MINUTE));
}

/** True for the characters `\s` matches in a JavaScript regular expression. */
const isSpace = (c: number) =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff;

/**
 * Words in `text`: runs of characters other than `\s`. Counted in place, because splitting every
 * article body allocates a string per word, which a reindex of a large site pays for.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
