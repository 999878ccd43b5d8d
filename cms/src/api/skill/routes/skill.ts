import { factories } from '@strapi/strapi';

const readMiddlewares = ['api::skill.skill-query'];

export default factories.createCoreRouter('api::skill.skill', {
  config: {
    find: { middlewares: readMiddlewares },
    findOne: { middlewares: readMiddlewares },
  },
});
