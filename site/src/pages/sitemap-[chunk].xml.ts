import type { APIRoute } from 'astro';
import { sitemapChunks } from '../lib/site-pages.ts';
import { urlsetXml } from '../lib/sitemap-xml.ts';

export const GET: APIRoute = ({ locals, params }) => {
  const paths = sitemapChunks(locals.model)[Number(params.chunk)];
  if (!paths) return new Response(null, { status: 404 });
  return new Response(urlsetXml(locals.config.siteUrl, paths), { headers: { 'content-type': 'application/xml' } });
};
