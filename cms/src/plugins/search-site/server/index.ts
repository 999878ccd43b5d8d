import type { Core } from '@strapi/strapi';
import controller from './controller';
import { grantDefaultRoles, registerActions } from './permissions';
import routes from './routes';
import status from './status';

/** Server half of the Search & site plugin: admin routes that call search-sync and the site with secrets kept here. */
export default {
  register: ({ strapi }: { strapi: Core.Strapi }) => registerActions(strapi),
  controllers: { controller },
  services: {
    status,
    // Plugin bootstraps run before the admin's, which creates the Editor and Author roles on a new
    // database, so the app's bootstrap (src/index.ts) calls this one.
    roles: ({ strapi }: { strapi: Core.Strapi }) => ({ grantDefaults: () => grantDefaultRoles(strapi) }),
  },
  routes,
};
