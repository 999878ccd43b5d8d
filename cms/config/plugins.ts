import { parseConfig } from '@stackguide/contracts/parse-config';

export default () => ({
  'users-permissions': {
    config: {
      // Optional here: `strapi build` loads this file without secrets; Strapi refuses to start without them.
      jwtSecret: parseConfig({ JWT_SECRET: 'optional' }, process.env).JWT_SECRET,
    },
  },
  // The admin's Search & site page and the article status panel (src/plugins/search-site).
  'search-site': {
    enabled: true,
    resolve: './src/plugins/search-site',
  },
});
