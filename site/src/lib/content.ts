import { getCollection } from 'astro:content';
import type { Article, Role, Skill } from '../loaders/schemas.ts';
import { articleUrl } from '@stackguide/search-sync/contract';

/**
 * Astro's getCollection copies and walks every entry on each call, and a build calls these from
 * many pages (at 10,000 articles that was seconds each and gigabytes of garbage). Content cannot
 * change during a production build (each runs in its own process), so a build reads each
 * collection once; the dev server keeps reading fresh. Callers get their own array.
 */
function readOnce<T>(read: () => Promise<T[]>): () => Promise<T[]> {
  let cached: Promise<T[]> | undefined;
  return async () => {
    if (!import.meta.env.PROD) return read();
    cached ??= read();
    return [...(await cached)];
  };
}

/** Published articles, newest first. */
export const allArticles = readOnce(async (): Promise<Article[]> => {
  const entries = await getCollection('articles');
  return entries.map((e) => e.data).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
});

/** Roles in name order. */
export const allRoles = readOnce(async (): Promise<Role[]> => {
  const entries = await getCollection('roles');
  return entries.map((e) => e.data).sort((a, b) => a.name.localeCompare(b.name));
});

/** Skills in name order. */
export const allSkills = readOnce(async (): Promise<Skill[]> => {
  const entries = await getCollection('skills');
  return entries.map((e) => e.data).sort((a, b) => a.name.localeCompare(b.name));
});

/** Same path search-sync puts in the index, so search results and pages agree. */
export const articlePath = articleUrl;
export function rolePath(slug: string): string {
  return `/roles/${encodeURIComponent(slug)}/`;
}
export function skillPath(slug: string): string {
  return `/skills/${encodeURIComponent(slug)}/`;
}
