export default {
  rest: {
    defaultLimit: 25,
    // Bulk readers (search-sync's reindex and reconcile, the site build) ask for up to 1,000 entries a
    // request: Strapi spends ~20 ms on every request before it reads a row, so at 10,000 articles
    // pages of 1,000 stamps took 0.7 s against 1.8 s in pages of 100.
    maxLimit: 1000,
    withCount: true,
  },
};
