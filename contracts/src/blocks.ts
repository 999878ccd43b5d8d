import { z } from 'zod';

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

const flag = z.boolean().optional();

// Unions switch on `type` (discriminated), so a node is checked against its own shape only: a plain
// union tries every shape in turn and builds an error for each miss, which large builds pay for.
const textNodeObject = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: flag,
  italic: flag,
  underline: flag,
  strikethrough: flag,
  code: flag,
});

const linkNodeObject = z.object({ type: z.literal('link'), url: z.string(), children: z.array(textNodeObject) });

const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion('type', [textNodeObject, linkNodeObject]);

const listItemObject = z.object({ type: z.literal('list-item'), children: z.array(inlineSchema) });

const listObject = z.object({
  type: z.literal('list'),
  format: z.enum(['ordered', 'unordered']),
  children: z.array(z.lazy(() => listChildSchema)),
});

const listChildSchema: z.ZodType<ListItemNode | ListBlock> = z.discriminatedUnion('type', [listItemObject, listObject]);

/** The image fields readers use; Strapi's other media fields are dropped. */
export const blockImageSchema: z.ZodType<BlockImage> = z.object({
  url: z.string().min(1),
  alternativeText: z.string().nullable().default(null),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
}) as z.ZodType<BlockImage>;

/** Validates one block of Strapi's rich text against the Block type. */
export const blockSchema: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: z.array(inlineSchema) }),
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    children: z.array(inlineSchema),
  }),
  listObject,
  z.object({ type: z.literal('quote'), children: z.array(inlineSchema) }),
  z.object({ type: z.literal('code'), language: z.string().optional(), children: z.array(textNodeObject) }),
  z.object({ type: z.literal('image'), image: blockImageSchema }),
]);
