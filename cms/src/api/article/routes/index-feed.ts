import { INDEX_FEED } from '@stackguide/contracts/index-feed';

/**
 * The index feed: published articles as search-sync reads them (reindex, reconcile, the re-read of
 * each change), without the work Strapi's REST layer does per entry. Guarded by the `find`
 * permission, so the read-only token that may list articles may read this too, and nothing else
 * gains access.
 */
const scope = ['api::article.article.find'];
// Strapi mounts content API routes under /api.
const route = (path: string) => path.replace(/^\/api/, '');

export default {
  routes: [
    { method: 'GET', path: route(INDEX_FEED.ARTICLES_PATH), handler: 'index-feed.articles', config: { auth: { scope } } },
    { method: 'GET', path: route(INDEX_FEED.STAMPS_PATH), handler: 'index-feed.stamps', config: { auth: { scope } } },
  ],
};
