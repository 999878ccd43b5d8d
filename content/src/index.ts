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
export { blocksText, inlineText } from './blocks-text.ts';
export { collectHeadings, slugify, type Heading } from './headings.ts';
export { readingMinutes, WORDS_PER_MINUTE } from './reading-time.ts';
