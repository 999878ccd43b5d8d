import {
  byteSize,
  clockInterval,
  count,
  duration,
  email,
  flag,
  host,
  httpUrl,
  milliseconds,
  oneOf,
  port,
  postgresUrl,
  secret,
  text,
} from './env-rules.ts';

const GENERATED = '(npm start generates one)';
const randomSecret = (min: number) => secret(min, `a random secret of at least ${min} characters ${GENERATED}`);
const PINO_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every variable Stackguide's processes read, with its one rule. `.env.example` documents each
 * of them with the same default (a unit test keeps the two in step); the CMS reads its own share
 * through Strapi's env() in cms/config with the same defaults (tested in cms/test).
 */
export const VARIABLES = {
  // Strapi (cms)
  STRAPI_HOST: host('127.0.0.1'),
  STRAPI_PORT: port('1337'),
  STRAPI_URL: httpUrl('http://127.0.0.1:1337', 'http://127.0.0.1:1337'),
  APP_KEYS: secret(1, 'a comma-separated list of random keys (npm start generates them)'),
  API_TOKEN_SALT: secret(1, `a random salt ${GENERATED}`),
  ADMIN_JWT_SECRET: secret(1, `a random secret ${GENERATED}`),
  TRANSFER_TOKEN_SALT: secret(1, `a random salt ${GENERATED}`),
  JWT_SECRET: secret(1, `a random secret ${GENERATED}`),
  ENCRYPTION_KEY: secret(1, `a random key ${GENERATED}`),
  DATABASE_CLIENT: oneOf(['sqlite', 'postgres']),
  DATABASE_FILENAME: text('a file path like .data/cms.db', '.data/cms.db'),
  DATABASE_URL: postgresUrl(),
  DATABASE_HOST: host('127.0.0.1'),
  DATABASE_PORT: port('5432'),
  DATABASE_NAME: text('a database name like stackguide', 'stackguide'),
  DATABASE_USERNAME: text('a database user like stackguide', 'stackguide'),
  DATABASE_PASSWORD: secret(1, 'the database password'),
  DATABASE_SSL: flag('false'),
  STRAPI_PUBLIC_DIR: text('a directory like cms/public (uploads go into its uploads/)', 'cms/public'),
  ADMIN_EMAIL: email('admin@stackguide.local'),
  ADMIN_PASSWORD: secret(1, `the first admin user's password ${GENERATED}`),
  STRAPI_READ_TOKEN: secret(1, `the read-only Strapi API token ${GENERATED}`),
  SEARCH_SYNC_URL: httpUrl('http://127.0.0.1:7710/webhooks/strapi'),
  WEBHOOK_SECRET: randomSecret(8),
  SEED_ON_START: flag('true'),
  STRAPI_LOG_LEVEL: oneOf(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], 'info'),
  SCHEDULE_INTERVAL: clockInterval('1m'),

  // Meilisearch
  MEILI_URL: httpUrl('http://127.0.0.1:7700'),
  MEILI_PORT: port('7700'),
  MEILI_MASTER_KEY: secret(16, 'a random key of at least 16 characters (Meilisearch refuses shorter keys; npm start generates one)'),
  MEILI_PUBLIC_URL: httpUrl('https://search.example.com'),
  MEILI_SEARCH_KEY: text('the search-only key `npm run keys -w search-sync` prints'),
  MEILI_MAX_INDEXING_MEMORY: byteSize('256MiB'),
  MEILI_MAX_INDEXING_THREADS: count('a number of threads like 2 (empty: as many as the machine has cores)'),

  // search-sync
  SEARCH_SYNC_HOST: host('127.0.0.1'),
  SEARCH_SYNC_PORT: port('7710'),
  SEARCH_SYNC_DATA_DIR: text('a directory like .data/search-sync', '.data/search-sync'),
  RECONCILE_INTERVAL: duration('10m'),
  SEARCH_SYNC_ADMIN_SECRET: randomSecret(16),
  SEARCH_SYNC_PUBLIC_URL: httpUrl('https://stackguide.example/search-sync'),
  SEARCH_SYNC_ADMIN_URL: httpUrl('http://127.0.0.1:7710'),
  SITE_BUILD_HOOK_URL: httpUrl('http://127.0.0.1:4321/__hooks/build'),
  LOG_LEVEL: oneOf(PINO_LEVELS, 'info'),

  // embedder (semantic search)
  EMBEDDER_HOST: host('127.0.0.1'),
  EMBEDDER_PORT: port('7997'),
  EMBEDDER_URL: httpUrl('http://127.0.0.1:7997'),
  EMBEDDER_API_KEY: randomSecret(16),
  EMBEDDER_THREADS: count('a number of threads like 2', '2'),

  // site
  SITE_HOST: host('127.0.0.1'),
  SITE_PORT: port('4321'),
  SITE_URL: httpUrl('https://stackguide.example', 'http://127.0.0.1:4321'),
  BUILD_HOOK_SECRET: randomSecret(16),
  SITE_STATUS_URL: httpUrl('http://127.0.0.1:4321'),
  ALLOW_EMPTY_SITE: flag('false'),
  SITE_CACHE_DIR: text('a directory for compiled pages and prepared images, relative to site/ (empty: site/.builds/cache)'),
  SITE_BUILDS_DIR: text('a directory like site/.builds', 'site/.builds'),
  SITE_BUILD_DEBOUNCE_MS: milliseconds('100'),
  SITE_FULL_BUILD_INTERVAL: duration('24h'),

  // draft preview (the site server answers it; the CMS signs the links)
  PREVIEW_SECRET: randomSecret(32),
  PREVIEW_READ_TOKEN: secret(1, `the preview's own Strapi API token, the only one that may read drafts ${GENERATED}`),
  PREVIEW_URL: httpUrl('https://stackguide.example'),
  STRAPI_PUBLIC_URL: httpUrl('https://cms.stackguide.example'),
};

export type VariableName = keyof typeof VARIABLES;
