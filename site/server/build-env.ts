import { type ConfigValues, type Env, parseConfig } from '@stackguide/contracts/parse-config';

/**
 * The variables a site build reads. The Meilisearch master key is deliberately not one of them:
 * only the search-only key may reach the browser.
 */
const SPEC = {
  STRAPI_URL: 'required',
  STRAPI_READ_TOKEN: 'optional',
  SITE_URL: 'required',
  MEILI_PUBLIC_URL: 'optional',
  MEILI_SEARCH_KEY: 'optional',
  SEARCH_SYNC_PUBLIC_URL: 'optional',
  EMBEDDER_URL: 'optional',
  SITE_CACHE_DIR: 'optional',
  ALLOW_EMPTY_SITE: 'required',
} as const;

export type BuildEnv = ConfigValues<typeof SPEC>;

/**
 * Validates the build's variables by the shared variable rules.
 * @throws ConfigError naming each bad variable and what it should look like.
 */
export function parseBuildEnv(env: Env): BuildEnv {
  return parseConfig(SPEC, env);
}
