import path from 'node:path';
import { ConfigError, type Env, parseConfig } from '@stackguide/contracts/parse-config';
import { VARIABLES } from '@stackguide/contracts/variables';
import { REPO_ROOT } from '@stackguide/runtime';

export type Config = {
  strapiUrl: string;
  strapiToken: string;
  webhookSecret: string;
  meiliUrl: string;
  meiliMasterKey: string;
  /** URL browsers use for search: MEILI_PUBLIC_URL, else MEILI_URL. */
  meiliPublicUrl: string;
  host: string;
  port: number;
  /** Absolute directory holding the queue database. */
  dataDir: string;
  reconcileIntervalMs: number;
  buildHookUrl: string | undefined;
  buildHookSecret: string | undefined;
  /** Bearer secret of the /admin API (the CMS's Search & site page); unset: the API is off. */
  adminSecret: string | undefined;
  /** Origin of SITE_URL: the only origin browsers may report search analytics from (CORS). */
  siteOrigin: string;
  /** The embedder as search-sync and Meilisearch reach it, with its key; unset: keyword search only. */
  embedder: { url: string; apiKey: string } | undefined;
  logLevel: string;
};

/**
 * Reads and validates search-sync's configuration (once, at start-up) by the shared variable rules.
 * @throws ConfigError naming every variable that is missing or malformed and what it should look like.
 */
export function loadConfig(env: Env = process.env): Config {
  const e = parseConfig(
    {
      STRAPI_URL: 'required',
      STRAPI_READ_TOKEN: 'required',
      WEBHOOK_SECRET: 'required',
      MEILI_URL: 'optional',
      MEILI_PORT: 'required',
      MEILI_MASTER_KEY: 'required',
      MEILI_PUBLIC_URL: 'optional',
      SEARCH_SYNC_HOST: 'required',
      SEARCH_SYNC_PORT: 'required',
      SEARCH_SYNC_DATA_DIR: 'required',
      RECONCILE_INTERVAL: 'required',
      SITE_BUILD_HOOK_URL: 'optional',
      BUILD_HOOK_SECRET: 'optional',
      SEARCH_SYNC_ADMIN_SECRET: 'optional',
      SITE_URL: 'required',
      EMBEDDER_URL: 'optional',
      EMBEDDER_API_KEY: 'optional',
      LOG_LEVEL: 'required',
    },
    env,
  );
  if (e.EMBEDDER_URL && !e.EMBEDDER_API_KEY)
    throw new ConfigError([`EMBEDDER_API_KEY is required when EMBEDDER_URL is set: ${VARIABLES.EMBEDDER_API_KEY.expect}`]);
  // An empty MEILI_URL means `npm start` runs the bundled binary on MEILI_PORT; CLI commands
  // started by hand next to it should find it there too.
  const meiliUrl = e.MEILI_URL ?? `http://127.0.0.1:${e.MEILI_PORT}`;
  return {
    strapiUrl: e.STRAPI_URL,
    strapiToken: e.STRAPI_READ_TOKEN,
    webhookSecret: e.WEBHOOK_SECRET,
    meiliUrl,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliPublicUrl: e.MEILI_PUBLIC_URL ?? meiliUrl,
    host: e.SEARCH_SYNC_HOST,
    port: e.SEARCH_SYNC_PORT,
    dataDir: path.resolve(REPO_ROOT, e.SEARCH_SYNC_DATA_DIR),
    reconcileIntervalMs: e.RECONCILE_INTERVAL,
    buildHookUrl: e.SITE_BUILD_HOOK_URL,
    buildHookSecret: e.BUILD_HOOK_SECRET,
    adminSecret: e.SEARCH_SYNC_ADMIN_SECRET,
    siteOrigin: new URL(e.SITE_URL).origin,
    embedder: e.EMBEDDER_URL && e.EMBEDDER_API_KEY ? { url: e.EMBEDDER_URL, apiKey: e.EMBEDDER_API_KEY } : undefined,
    logLevel: e.LOG_LEVEL,
  };
}
