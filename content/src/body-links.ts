import type { Block, InlineNode, ListBlock, ListItemNode } from '@stackguide/contracts/blocks';
import { inlineText } from './blocks-text.ts';

/** A link in an article body: where it points, as written, and the words it is on. */
export type BodyLink = { url: string; text: string };

function inlineLinks(nodes: readonly InlineNode[] | undefined): BodyLink[] {
  return (nodes ?? []).flatMap((node) => (node.type === 'link' ? [{ url: node.url, text: inlineText(node.children) }] : []));
}

function listLinks(list: ListBlock): BodyLink[] {
  return list.children.flatMap((child: ListItemNode | ListBlock) =>
    child.type === 'list' ? listLinks(child) : inlineLinks(child.children),
  );
}

/** Every link in an article body, in reading order (code blocks hold no links). */
export function bodyLinks(blocks: readonly Block[] | null | undefined): BodyLink[] {
  return (blocks ?? []).flatMap((block) => {
    if (block.type === 'list') return listLinks(block);
    if (block.type === 'image' || block.type === 'code') return [];
    // A block type added by a later Strapi keeps its links, as blocksText keeps its text.
    return inlineLinks((block as { children?: InlineNode[] }).children);
  });
}
