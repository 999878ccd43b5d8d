import { getCollection } from 'astro:content';
import type { Article, Role, Skill } from '../loaders/schemas.ts';
import { articleUrl } from '@stackguide/search-sync/contract';
import { RELATED_COUNT } from '../consts.ts';

/** Published articles, newest first. */
export async function allArticles(): Promise<Article[]> {
  const entries = await getCollection('articles');
  return entries.map((e) => e.data).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
}

/** Roles in name order. */
export async function allRoles(): Promise<Role[]> {
  const entries = await getCollection('roles');
  return entries.map((e) => e.data).sort((a, b) => a.name.localeCompare(b.name));
}

/** Skills in name order. */
export async function allSkills(): Promise<Skill[]> {
  const entries = await getCollection('skills');
  return entries.map((e) => e.data).sort((a, b) => a.name.localeCompare(b.name));
}

/** Same path search-sync puts in the index, so search results and pages agree. */
export const articlePath = articleUrl;
export function rolePath(slug: string): string {
  return `/roles/${encodeURIComponent(slug)}/`;
}
export function skillPath(slug: string): string {
  return `/skills/${encodeURIComponent(slug)}/`;
}

/** Articles sharing the most skills with `article` (ties: newest first); none when nothing is shared. */
export function relatedArticles(article: Article, articles: Article[]): Article[] {
  const mine = new Set(article.skills.map((s) => s.documentId));
  return articles
    .filter((a) => a.documentId !== article.documentId)
    .map((a) => ({ a, shared: a.skills.filter((s) => mine.has(s.documentId)).length }))
    .filter((x) => x.shared > 0)
    .sort((x, y) => y.shared - x.shared || y.a.publishedAt.getTime() - x.a.publishedAt.getTime())
    .slice(0, RELATED_COUNT)
    .map((x) => x.a);
}

/** Group items by a key, keeping first-seen key order. */
export function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
