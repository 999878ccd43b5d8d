/**
 * Strapi's rich-text ("blocks") format: the article body as the CMS stores it, the site renders it
 * and search-sync indexes it. Optional fields say `| undefined` so the types also hold under
 * `exactOptionalPropertyTypes` (the site's strictest tsconfig).
 */

export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  underline?: boolean | undefined;
  strikethrough?: boolean | undefined;
  code?: boolean | undefined;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;

export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
export type ListBlock = { type: 'list'; format: 'ordered' | 'unordered'; children: (ListItemNode | ListBlock)[] };

/** The media-library entry an image block carries; Strapi stores more fields (hash, formats…) than these. */
export type BlockImage = {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  [field: string]: unknown;
};
export type ImageBlock = {
  type: 'image';
  image: BlockImage;
  /** Strapi's editor always writes one empty text child; readers of the format never need it. */
  children?: [{ type: 'text'; text: '' }] | undefined;
};

export type ParagraphBlock = { type: 'paragraph'; children: InlineNode[] };
export type HeadingBlock = { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] };
export type QuoteBlock = { type: 'quote'; children: InlineNode[] };
export type CodeBlock = { type: 'code'; language?: string | undefined; children: TextNode[] };

export type Block = ParagraphBlock | HeadingBlock | ListBlock | QuoteBlock | CodeBlock | ImageBlock;
