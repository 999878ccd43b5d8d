import type { Block } from './blocks.ts';
import { blocksText } from './blocks-text.ts';

/** A typical adult's silent reading speed for non-fiction. */
export const WORDS_PER_MINUTE = 220;

/**
 * Whole minutes to read an article body (its plain text, image alternative text included) at
 * WORDS_PER_MINUTE, at least one. Title and excerpt are not counted: the figure sits next to them
 * and answers "how long is the article below".
 */
export function readingMinutes(blocks: readonly Block[] | null | undefined): number {
  const words = blocksText(blocks).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
