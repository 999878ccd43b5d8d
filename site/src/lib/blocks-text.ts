import type { Block, InlineNode, ListBlock } from '../loaders/blocks-schema.ts';

/** Plain text of inline nodes, links included. */
export function inlineText(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');
}

function listText(list: ListBlock): string {
  return list.children.map((c) => (c.type === 'list' ? listText(c) : inlineText(c.children))).join('\n');
}

/** Plain text of a whole body, one block a line. */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'list':
          return listText(b);
        case 'image':
          return '';
        case 'code':
          return b.children.map((c) => c.text).join('');
        default:
          return inlineText(b.children);
      }
    })
    .join('\n');
}

/** Whole minutes to read the text, at least one. */
export function readingMinutes(blocks: Block[], wordsPerMinute: number): number {
  const words = blocksText(blocks).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / wordsPerMinute));
}
