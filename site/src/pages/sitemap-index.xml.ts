import type { APIRoute } from 'astro';
import { sitemapChunks } from '../lib/site-pages.ts';
import { sitemapIndexXml } from '../lib/sitemap-xml.ts';

export const GET: APIRoute = ({ locals }) => {
  const files = sitemapChunks(locals.model).map((_, i) => `/sitemap-${i}.xml`);
  return new Response(sitemapIndexXml(locals.config.siteUrl, files), { headers: { 'content-type': 'application/xml' } });
};
