import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  // The admin's Search & site page and the article status panel (src/plugins/search-site).
  'search-site': {
    enabled: true,
    resolve: './src/plugins/search-site',
  },
});
