import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ locals }) => {
  const sitemap = new URL('/sitemap-index.xml', locals.config.siteUrl).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
