import { blocksText, collectHeadings, readingMinutes } from '@stackguide/content';
import { CONTENT_MAX_CHARS, articleUrl, type SearchDocument } from './contract.ts';
import type { StrapiArticle } from './strapi-client.ts';

/** Text of each heading block, in order. */
export function headingTexts(blocks: StrapiArticle['body']): string[] {
  return collectHeadings(blocks).map((h) => h.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Cuts text to `max` characters at a word boundary when there is one near the end. */
export function capText(text: string, max = CONTENT_MAX_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return space > max * 0.9 ? cut.slice(0, space) : cut;
}

/** ISO date → unix seconds (0 when missing or unparsable, so it never matches a real stamp). */
export function unixSeconds(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

/** Maps a published Strapi article to the document the index holds. */
export function toSearchDocument(article: StrapiArticle): SearchDocument {
  const body = blocksText(article.body);
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
    readingMinutes: readingMinutes(article.body),
  };
}
