import type { Block } from '@stackguide/contracts/blocks';
import { inlineText } from './blocks-text.ts';

export type Heading = { blockIndex: number; level: number; text: string; id: string };

/** URL-fragment slug: lower case, ASCII letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/**
 * Headings of a body with unique ids (repeats get -2, -3…). This is the one place heading ids are
 * decided: the site's anchors and table of contents use them, and search links to them, so both
 * must agree.
 */
export function collectHeadings(blocks: readonly Block[] | null | undefined): Heading[] {
  const used = new Set<string>();
  const headings: Heading[] = [];
  (blocks ?? []).forEach((block, blockIndex) => {
    if (block.type !== 'heading') return;
    const text = inlineText(block.children);
    const base = slugify(text);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    headings.push({ blockIndex, level: block.level, text, id });
  });
  return headings;
}
