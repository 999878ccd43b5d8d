import { ARTICLES_PER_PAGE, COMPARE_ROLES, HUB_LATEST, LATEST_ON_HOME, RSS_ITEMS, SEARCH_FALLBACK_PER_ROLE } from '../consts.ts';
import { SiteError } from '../errors.ts';
import type { Role, Skill } from '@stackguide/contracts/entries';
import type { Article } from '../strapi/schemas.ts';
import { articlePath, rolePath, skillPath } from './paths.ts';
import type { Card, SiteModel } from './site-model.ts';

/**
 * What each page shows, selected from the site model. A page renders only from its view (and the
 * render config), and a build keys each page by its view, so an unchanged view means unchanged
 * HTML. A view is null when the params name nothing (the page answers 404).
 */

/**
 * One page of an article list, newest first inside the page. Pages are numbered from the OLDEST
 * article, P = ARTICLES_PER_PAGE to a page: page b holds the articles (b−1)·P+1 … b·P in publishing
 * order, so its content stays put while newer articles arrive. The list's own URL (page 0 here)
 * shows the two newest buckets (P+1 … 2P articles, or all when fewer) and the list's size; pages
 * 1 … n (n = buckets − 2) hold the older ones, page 1 the oldest, and link only to their
 * neighbours. A publish thus changes the list's own URL and at most the newest one or two numbered
 * pages; an edit changes the page holding the article (it keeps the date it was first published).
 * Removing an article moves every article newer than it by one place.
 */
export type Paged = {
  items: Card[];
  /** 0 on the list's own URL, else the page's number. */
  number: number;
  /** The list's size, on its first page only (a numbered page does not change when the list grows). */
  count: number | null;
  newer: string | null;
  older: string | null;
};

/** Page number from a `[...page]` param: none is the list's own URL (0); any other must be a page number ≥ 1. */
export function pageNumber(param: string | undefined): number | null {
  if (param === undefined) return 0;
  return /^[1-9]\d*$/.test(param) ? Number(param) : null;
}

/** Numbered (older) pages a list of `total` articles has besides its own URL. */
export const olderPages = (total: number) => Math.max(0, Math.ceil(total / ARTICLES_PER_PAGE) - 2);

/** `articles` newest first; `base` the list's own URL. */
function paginate(model: SiteModel, articles: Article[], page: number | null, base: string): Paged | null {
  const total = articles.length;
  const pages = olderPages(total);
  if (page === null || page > pages) return null;
  const url = (n: number) => (n === 0 ? base : `${base}${n}/`);
  if (page === 0)
    return {
      items: articles.slice(0, total - pages * ARTICLES_PER_PAGE).map(model.card),
      number: 0,
      count: total,
      newer: null,
      older: pages > 0 ? url(pages) : null,
    };
  return {
    items: articles.slice(total - page * ARTICLES_PER_PAGE, total - (page - 1) * ARTICLES_PER_PAGE).map(model.card),
    number: page,
    count: null,
    newer: url(page === pages ? 0 : page + 1),
    older: page > 1 ? url(page - 1) : null,
  };
}

/** Title and meta description of a list page; `what` names the list's articles ("articles about Go"). */
export function listHead(page: Paged, heading: string, what: string): { title: string; description: string } {
  return page.number === 0
    ? { title: heading, description: `All ${page.count} Stackguide ${what}, newest first.` }
    : { title: `${heading}, page ${page.number}`, description: `Stackguide ${what}, page ${page.number} counted from the oldest.` };
}

const ref = (r: { name: string; slug: string }) => ({ name: r.name, slug: r.slug });

export const homeView = (m: SiteModel) => ({
  roles: m.roles.map((r) => ({ ...ref(r), tagline: r.tagline })),
  latest: m.articles.slice(0, LATEST_ON_HOME).map(m.card),
  total: m.articles.length,
});

export const articleListView = (m: SiteModel, page: string | undefined) => paginate(m, m.articles, pageNumber(page), '/articles/');

export function articleView(m: SiteModel, slug: string | undefined): { article: Article; related: Card[] } | null {
  const article = slug === undefined ? undefined : m.articleBySlug.get(slug);
  return article ? { article, related: m.related(article) } : null;
}

export function roleView(m: SiteModel, slug: string | undefined): { role: Role; latest: Card[]; total: number } | null {
  const role = slug === undefined ? undefined : m.roleBySlug.get(slug);
  if (!role) return null;
  const articles = m.articlesOfRole(role.documentId);
  return { role, latest: articles.slice(0, HUB_LATEST).map(m.card), total: articles.length };
}

export function roleArticlesView(m: SiteModel, slug: string | undefined, page: string | undefined) {
  const role = slug === undefined ? undefined : m.roleBySlug.get(slug);
  const paged = role ? paginate(m, m.articlesOfRole(role.documentId), pageNumber(page), `${rolePath(role.slug)}articles/`) : null;
  return role && paged ? { role: ref(role), page: paged } : null;
}

export function skillView(
  m: SiteModel,
  slug: string | undefined,
): { skill: Skill; roles: { name: string; slug: string }[]; latest: Card[]; total: number } | null {
  const skill = slug === undefined ? undefined : m.skillBySlug.get(slug);
  if (!skill) return null;
  const articles = m.articlesOfSkill(skill.documentId);
  return {
    skill,
    roles: m.rolesOfSkill(skill.documentId).map(ref),
    latest: articles.slice(0, HUB_LATEST).map(m.card),
    total: articles.length,
  };
}

export function skillArticlesView(m: SiteModel, slug: string | undefined, page: string | undefined) {
  const skill = slug === undefined ? undefined : m.skillBySlug.get(slug);
  const paged = skill ? paginate(m, m.articlesOfSkill(skill.documentId), pageNumber(page), `${skillPath(skill.slug)}articles/`) : null;
  return skill && paged ? { skill: ref(skill), page: paged } : null;
}

/**
 * The two roles the compare page puts side by side.
 * @throws SiteError when Strapi did not return one of them.
 */
export function compareView(m: SiteModel): { pair: readonly [Role, Role] } {
  const find = (slug: string) => {
    const role = m.roleBySlug.get(slug);
    if (!role) throw new SiteError(`The compare page needs the role "${slug}", which Strapi did not return.`);
    return role;
  };
  return { pair: [find(COMPARE_ROLES.left), find(COMPARE_ROLES.right)] };
}

/** The /compare/ index: the comparisons there are, and every role on its own. */
export function compareIndexView(m: SiteModel) {
  const { pair } = compareView(m);
  return { pair, roles: m.roles.map((r) => ({ name: r.name, slug: r.slug, tagline: r.tagline })) };
}

/**
 * The /search/ page without JavaScript (and with it, when nothing matches): every role and skill page,
 * then per role its newest articles and a link to all of them.
 */
export function searchView(m: SiteModel) {
  const titles = (articles: Article[]) =>
    articles.slice(0, SEARCH_FALLBACK_PER_ROLE).map((a) => ({ title: a.title, href: articlePath(a.slug) }));
  const groups = m.roles.map((role) => {
    const articles = m.articlesOfRole(role.documentId);
    const all = { href: `${rolePath(role.slug)}articles/`, label: `All ${articles.length} articles for ${role.name.toLowerCase()}s` };
    return { id: `role-${role.slug}`, title: role.name, total: articles.length, articles: titles(articles), all };
  });
  if (m.unassigned.length > 0) {
    const all = { href: '/articles/', label: `All ${m.articles.length} articles` };
    groups.push({ id: 'role-none', title: 'Other articles', total: m.unassigned.length, articles: titles(m.unassigned), all });
  }
  return {
    roles: m.roles.map((r) => ({ slug: r.slug, name: r.name })),
    rolePages: m.roles.map((r) => ({ name: r.name, href: rolePath(r.slug), tagline: r.tagline })),
    skills: m.skills,
    groups,
  };
}

/** The newest articles for the RSS feed. */
export const rssView = (m: SiteModel) =>
  m.articles.slice(0, RSS_ITEMS).map((a) => ({
    title: a.title,
    link: articlePath(a.slug),
    pubDate: a.publishedAt,
    description: a.excerpt ?? undefined,
    categories: [...a.roles.map((r) => r.name), ...a.skills.map((s) => s.name)],
  }));
