import type { Block, BlockImage, InlineNode, ListBlock, ListItemNode } from '@stackguide/content';
import { z } from 'astro/zod';

const flag = z.boolean().optional();

// Unions switch on `type` (discriminated), so a node is checked against its own shape only: a plain
// union tried every shape in turn and built an error for each miss, a tenth of a large build.
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

/** The image fields pages use; Strapi's other media fields are dropped. */
export const blockImageSchema: z.ZodType<BlockImage> = z.object({
  url: z.string().min(1),
  alternativeText: z.string().nullable().default(null),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
}) as z.ZodType<BlockImage>;

/** Validates Strapi's rich-text blocks against @stackguide/content's Block type. */
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
