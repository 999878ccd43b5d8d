import { parseConfig } from '@stackguide/contracts/parse-config';

// `info` keeps start-up and bootstrap messages; set STRAPI_LOG_LEVEL=http to log every request.
export default () => ({ level: parseConfig({ STRAPI_LOG_LEVEL: 'required' }, process.env).STRAPI_LOG_LEVEL });
