import type { Block, InlineNode } from '@stackguide/contracts/blocks';

/** Plain text of inline nodes, link text included. */
export function inlineText(nodes: readonly InlineNode[] | undefined): string {
  return (nodes ?? []).map((node) => (node.type === 'text' ? node.text : inlineText(node.children))).join('');
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'list':
      return block.children.flatMap((child) => (child.type === 'list' ? blockLines(child) : [inlineText(child.children)]));
    case 'image':
      // Alternative text counts as body text: it is what a screen reader reads in the image's
      // place, and a reader may remember (and search for) an article by what its images show.
      return block.image?.alternativeText ? [block.image.alternativeText] : [];
    case 'paragraph':
    case 'heading':
    case 'quote':
    case 'code':
      return [inlineText(block.children)];
    default:
      // Bodies come from Strapi as JSON; a block type added by a later Strapi keeps its text.
      return [inlineText((block as { children?: InlineNode[] }).children)];
  }
}

/**
 * Plain text of an article body: one line per paragraph, heading, list item, quote, code block and
 * image alternative text; runs of spaces collapsed, empty lines dropped.
 */
export function blocksText(blocks: readonly Block[] | null | undefined): string {
  return (
    (blocks ?? [])
      .flatMap(blockLines)
      // Only runs of two or more and tabs are rewritten: replacing every single space with itself made
      // this the costliest step of indexing and building a large site.
      .map((line) => line.replace(/[ \t]{2,}|\t/g, ' ').trim())
      .filter((line) => line.length > 0)
      .join('\n')
  );
}
