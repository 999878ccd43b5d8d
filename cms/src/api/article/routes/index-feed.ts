/**
 * The index feed: published articles as search-sync reads them (reindex, reconcile, the re-read of
 * each change), without the work Strapi's REST layer does per entry. Guarded by the `find`
 * permission, so the read-only token that may list articles may read this too, and nothing else
 * gains access.
 */
const scope = ['api::article.article.find'];

export default {
  routes: [
    { method: 'GET', path: '/index-feed/articles', handler: 'index-feed.articles', config: { auth: { scope } } },
    { method: 'GET', path: '/index-feed/stamps', handler: 'index-feed.stamps', config: { auth: { scope } } },
  ],
};
