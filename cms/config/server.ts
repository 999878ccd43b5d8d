import { parseConfig } from '@stackguide/contracts/parse-config';

export default () => {
  // APP_KEYS is optional here: `strapi build` loads this file without secrets; Strapi refuses to start without them.
  const c = parseConfig({ STRAPI_HOST: 'required', STRAPI_PORT: 'required', APP_KEYS: 'optional' }, process.env);
  return { host: c.STRAPI_HOST, port: c.STRAPI_PORT, app: { keys: c.APP_KEYS?.split(',') ?? [] } };
};
