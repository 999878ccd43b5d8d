import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('STRAPI_HOST', '127.0.0.1'),
  port: env.int('STRAPI_PORT', 1337),
  url: env('STRAPI_PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
});
