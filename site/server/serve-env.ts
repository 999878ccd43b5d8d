import { type ConfigValues, type Env, parseConfig } from '@stackguide/contracts/parse-config';

/** The serve process's own variables (the builds it runs read theirs: build-env.ts). */
const SPEC = {
  SITE_HOST: 'required',
  SITE_PORT: 'required',
  BUILD_HOOK_SECRET: 'required',
  LOG_LEVEL: 'required',
  SITE_BUILDS_DIR: 'required',
  SITE_BUILD_DEBOUNCE_MS: 'required',
  SITE_FULL_BUILD_INTERVAL: 'required',
  PREVIEW_SECRET: 'optional',
  PREVIEW_READ_TOKEN: 'optional',
  STRAPI_PUBLIC_URL: 'optional',
} as const;

export type ServeEnv = ConfigValues<typeof SPEC>;

/**
 * Validates the site server's variables by the shared variable rules.
 * @throws ConfigError naming each bad variable and what it should look like.
 */
export function parseServeEnv(env: Env): ServeEnv {
  return parseConfig(SPEC, env);
}
