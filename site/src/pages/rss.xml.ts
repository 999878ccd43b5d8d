import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { rssView } from '../lib/views.ts';

export const GET: APIRoute = ({ locals }) =>
  rss({ title: SITE_TITLE, description: SITE_DESCRIPTION, site: locals.config.siteUrl, trailingSlash: true, items: rssView(locals.model) });
