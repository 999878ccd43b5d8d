import { RELATED_COUNT } from '../consts.ts';
import type { Role, Skill } from '@stackguide/contracts/entries';
import type { Article } from '../strapi/schemas.ts';
import { remember } from './digest.ts';
import { relatedFinder } from './related.ts';
import type { Snapshot } from './snapshot.ts';

/** What an article list shows of an article: no body, so a list page does not change when only a body does. */
export type Card = {
  documentId: string;
  slug: string;
  title: string;
  publishedAt: Date;
  minutes: number;
  excerpt: string | null;
  roles: { name: string; slug: string }[];
};

/** Everything pages read, derived from one snapshot by `siteModel`; never changed after. */
export type SiteModel = {
  /** Newest first (then by slug). */
  articles: Article[];
  /** By name. */
  roles: Role[];
  /** By name. */
  skills: Skill[];
  articleBySlug: ReadonlyMap<string, Article>;
  roleBySlug: ReadonlyMap<string, Role>;
  skillBySlug: ReadonlyMap<string, Skill>;
  card(article: Article): Card;
  /** The articles sharing the most skills with `article` (see related.ts), as cards. */
  related(article: Article): Card[];
  /** Articles of a role or skill (by documentId), newest first. */
  articlesOfRole(roleId: string): Article[];
  articlesOfSkill(skillId: string): Article[];
  /** Articles without any role, newest first. */
  unassigned: Article[];
  /** Roles that list the skill (by documentId), by name. */
  rolesOfSkill(skillId: string): Role[];
};

const cards = new WeakMap<Article, Card>();

/** The card of an article; the same object (and digest) for as long as the article entry lives. */
function cardOf(article: Article): Card {
  let card = cards.get(article);
  if (!card) {
    card = remember({
      documentId: article.documentId,
      slug: article.slug,
      title: article.title,
      publishedAt: article.publishedAt,
      minutes: article.body.minutes,
      excerpt: article.excerpt,
      roles: article.roles.map((r) => ({ name: r.name, slug: r.slug })),
    });
    cards.set(article, card);
  }
  return card;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function groupBy<T>(items: T[], keys: (item: T) => Iterable<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  return groups;
}

/** Builds the site model: a pure function of the snapshot. */
export function siteModel(snapshot: Snapshot): SiteModel {
  const articles = [...snapshot.articles.values()].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug),
  );
  const roles = [...snapshot.roles.values()].sort(byName);
  const skills = [...snapshot.skills.values()].sort(byName);
  const byRole = groupBy(articles, (a) => a.roles.map((r) => r.documentId));
  const bySkill = groupBy(articles, (a) => a.skills.map((s) => s.documentId));
  const rolesBySkill = groupBy(roles, (r) => r.skills.map((s) => s.documentId));
  const findRelated = relatedFinder(articles, RELATED_COUNT);
  const related = new Map<string, Card[]>();
  return {
    articles,
    roles,
    skills,
    articleBySlug: new Map(articles.map((a) => [a.slug, a])),
    roleBySlug: new Map(roles.map((r) => [r.slug, r])),
    skillBySlug: new Map(skills.map((s) => [s.slug, s])),
    card: cardOf,
    related(article) {
      let list = related.get(article.documentId);
      if (!list) {
        list = findRelated(article).map(cardOf);
        related.set(article.documentId, list);
      }
      return list;
    },
    articlesOfRole: (id) => byRole.get(id) ?? [],
    articlesOfSkill: (id) => bySkill.get(id) ?? [],
    unassigned: articles.filter((a) => a.roles.length === 0),
    rolesOfSkill: (id) => rolesBySkill.get(id) ?? [],
  };
}
