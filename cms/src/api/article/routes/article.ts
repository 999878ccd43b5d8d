import { factories } from '@strapi/strapi';

const readMiddlewares = ['api::article.article-query'];

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { middlewares: readMiddlewares },
    findOne: { middlewares: readMiddlewares },
  },
});
