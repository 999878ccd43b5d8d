import { factories } from '@strapi/strapi';

const readMiddlewares = ['api::role.role-query'];

export default factories.createCoreRouter('api::role.role', {
  config: {
    find: { middlewares: readMiddlewares },
    findOne: { middlewares: readMiddlewares },
  },
});
