import type { FeedArticle } from '@stackguide/contracts/index-feed';
import { blocksText, collectHeadings, readingMinutes } from '@stackguide/content';
import { CONTENT_MAX_CHARS, articleUrl, type SearchDocument, type SearchSection } from '@stackguide/contracts/search-index';

/**
 * The body split at its headings: the text before the first heading, and one section per heading
 * with the id the article page gives it. Text is capped at `max` characters over the intro and
 * all sections together, in reading order; a section past the cap keeps its heading.
 */
export function bodySections(blocks: FeedArticle['body'], max = CONTENT_MAX_CHARS): { intro: string; sections: SearchSection[] } {
  const body = blocks ?? [];
  const headings = collectHeadings(body);
  let left = max;
  const take = (from: number, to: number) => {
    const text = capText(blocksText(body.slice(from, to)), left);
    left -= text.length;
    return text;
  };
  const intro = take(0, headings[0]?.blockIndex ?? body.length);
  const sections = headings.map((h, i) => ({
    id: h.id,
    heading: h.text.replace(/\s+/g, ' ').trim(),
    text: take(h.blockIndex + 1, headings[i + 1]?.blockIndex ?? body.length),
  }));
  return { intro, sections };
}

/** Cuts text to `max` characters at a word boundary when there is one near the end. */
export function capText(text: string, max = CONTENT_MAX_CHARS): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
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
export function toSearchDocument(article: FeedArticle): SearchDocument {
  const { intro, sections } = bodySections(article.body);
  const roles = article.roles ?? [];
  return {
    id: article.documentId,
    slug: article.slug,
    url: articleUrl(article.slug),
    title: article.title,
    excerpt: article.excerpt ?? '',
    sections,
    content: intro,
    roles: roles.map((r) => r.slug),
    roleNames: roles.map((r) => r.name),
    skills: (article.skills ?? []).map((s) => s.name),
    publishedAt: unixSeconds(article.firstPublishedAt ?? article.publishedAt),
    updatedAt: unixSeconds(article.updatedAt),
    readingMinutes: readingMinutes(article.body),
  };
}
