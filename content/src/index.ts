export type {
  Block,
  BlockImage,
  CodeBlock,
  HeadingBlock,
  ImageBlock,
  InlineNode,
  LinkNode,
  ListBlock,
  ListItemNode,
  ParagraphBlock,
  QuoteBlock,
  TextNode,
} from './blocks.ts';
export { blocksText } from './blocks-text.ts';
export { collectHeadings, type Heading, slugify } from './headings.ts';
export { readingMinutes } from './reading-time.ts';
export { documentIdChunks, documentIdFilters, IDS_PER_REQUEST, keysetPageQuery, LISTING_PAGE } from './strapi-listing.ts';
