import { type ConfigValues, type Env, parseConfig } from '@stackguide/contracts/parse-config';

/** What the orchestrator reads itself; each part it starts validates its own share at its entry. */
const SPEC = {
  STRAPI_HOST: 'required',
  STRAPI_PORT: 'required',
  STRAPI_URL: 'required',
  ADMIN_EMAIL: 'required',
  ADMIN_PASSWORD: 'required',
  DATABASE_FILENAME: 'required',
  STRAPI_PUBLIC_DIR: 'required',
  MEILI_URL: 'optional',
  MEILI_PORT: 'required',
  MEILI_MASTER_KEY: 'required',
  MEILI_PUBLIC_URL: 'optional',
  MEILI_MAX_INDEXING_MEMORY: 'required',
  MEILI_MAX_INDEXING_THREADS: 'optional',
  SEARCH_SYNC_HOST: 'required',
  SEARCH_SYNC_PORT: 'required',
  SEARCH_SYNC_DATA_DIR: 'required',
  EMBEDDER_HOST: 'required',
  EMBEDDER_PORT: 'required',
  EMBEDDER_URL: 'optional',
  SITE_HOST: 'required',
  SITE_PORT: 'required',
  PREVIEW_URL: 'optional',
} as const;

export type StackConfig = ConfigValues<typeof SPEC>;

/**
 * Validates the variables the orchestrator itself needs by the shared variable rules.
 * @throws ConfigError listing every invalid variable by name and what it should look like.
 */
export function parseStackConfig(env: Env): StackConfig {
  return parseConfig(SPEC, env);
}
