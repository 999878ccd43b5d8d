import { CONTENT_MAX_CHARS, articleUrl, type SearchDocument } from './contract.ts';
import type { StrapiArticle, StrapiBlock, StrapiInline } from './strapi-client.ts';

const WORDS_PER_MINUTE = 220;

function inlineText(nodes: (StrapiInline | StrapiBlock)[] | undefined): string {
  return (nodes ?? []).map((n) => ('text' in n && typeof n.text === 'string' ? n.text : inlineText(n.children))).join('');
}

function blockLines(block: StrapiBlock): string[] {
  switch (block.type) {
    case 'list':
      return (block.children ?? []).flatMap((child) =>
        child.type === 'list' ? blockLines(child as StrapiBlock) : [inlineText(child.children)],
      );
    case 'image':
      return block.image?.alternativeText ? [block.image.alternativeText] : [];
    default:
      return [inlineText(block.children)];
  }
}

/** Plain text of Strapi blocks: one line per paragraph, heading, list item, quote or code block. */
export function blocksToText(blocks: StrapiBlock[] | null | undefined): string {
  return (blocks ?? [])
    .flatMap(blockLines)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Text of each heading block, in order. */
export function headingTexts(blocks: StrapiBlock[] | null | undefined): string[] {
  return (blocks ?? []).filter((b) => b.type === 'heading').flatMap(blockLines).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Cuts text to `max` characters at a word boundary when there is one near the end. */
export function capText(text: string, max = CONTENT_MAX_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return space > max * 0.9 ? cut.slice(0, space) : cut;
}

/** Minutes to read `text` at ~220 words per minute, at least 1. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** ISO date → unix seconds (0 when missing or unparsable, so it never matches a real stamp). */
export function unixSeconds(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

/** Maps a published Strapi article to the document the index holds. */
export function toSearchDocument(article: StrapiArticle): SearchDocument {
  const body = blocksToText(article.body);
  const roles = article.roles ?? [];
  return {
    id: article.documentId,
    slug: article.slug,
    url: articleUrl(article.slug),
    title: article.title,
    excerpt: article.excerpt ?? '',
    headings: headingTexts(article.body),
    content: capText(body),
    roles: roles.map((r) => r.slug),
    roleNames: roles.map((r) => r.name),
    skills: (article.skills ?? []).map((s) => s.name),
    publishedAt: unixSeconds(article.publishedAt),
    updatedAt: unixSeconds(article.updatedAt),
    readingMinutes: readingMinutes(`${article.title} ${article.excerpt ?? ''} ${body}`),
  };
}
