import type { Core } from '@strapi/strapi';

// `info` keeps start-up and bootstrap messages; set STRAPI_LOG_LEVEL=http to log every request.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('STRAPI_LOG_LEVEL', 'info'),
});
