import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { allArticles, articlePath } from '../lib/content.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('site is not configured; set SITE_URL');
  const articles = await allArticles();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site,
    trailingSlash: true,
    items: articles.map((a) => ({
      title: a.title,
      link: articlePath(a.slug),
      pubDate: a.publishedAt,
      description: a.excerpt ?? undefined,
      categories: [...a.roles.map((r) => r.name), ...a.skills.map((s) => s.name)],
    })),
  });
};
