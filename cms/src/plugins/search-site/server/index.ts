import type { Core } from '@strapi/strapi';
import controller from './controller';
import { ensureLinkIndex, rebuildLinkIndex, registerLinkIndexing } from './links/link-index';
import { linkModel } from './links/link-model';
import { grantDefaultRoles, registerActions } from './permissions';
import routes from './routes';
import status from './status';

/**
 * Server half of the Search & site plugin: admin routes that call search-sync and the site with
 * secrets kept here, the link index behind the link checks, and the content-gap actions.
 */
export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    strapi.get('models').add(linkModel);
    registerLinkIndexing(strapi);
    await registerActions(strapi);
  },
  bootstrap: ({ strapi }: { strapi: Core.Strapi }) => ensureLinkIndex(strapi),
  controllers: { controller },
  services: {
    status,
    // Plugin bootstraps run before the admin's, which creates the Editor and Author roles on a new
    // database, so the app's bootstrap (src/index.ts) calls this one.
    roles: ({ strapi }: { strapi: Core.Strapi }) => ({ grantDefaults: () => grantDefaultRoles(strapi) }),
    // For `npm run generate`, which writes articles past the Document Service.
    links: ({ strapi }: { strapi: Core.Strapi }) => ({ rebuild: () => rebuildLinkIndex(strapi) }),
  },
  routes,
};
