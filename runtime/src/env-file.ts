import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import type { Env } from '@stackguide/contracts/parse-config';
import { REPO_ROOT } from './repo-root.ts';

/**
 * Where the root `.env` is: STACKGUIDE_ENV_FILE moves it (resolved from the repository root; the
 * end-to-end test uses it to stay out of the developer's own file), `.env` at the root otherwise.
 */
export function rootEnvFile(env: Env = process.env): string {
  const { STACKGUIDE_ENV_FILE } = env;
  return path.resolve(REPO_ROOT, STACKGUIDE_ENV_FILE || '.env');
}

/** The variables an env file sets; none when it does not exist. */
export function readEnvFile(file: string): Env {
  return fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
}

/**
 * The environment a process runs with: the root `.env` under the real environment, which always
 * wins (so `STRAPI_PORT=1400 npm start` works and a parent's settings reach its children). Defaults
 * are not filled in here: each variable's rule owns its default.
 */
export function withRootEnv(env: Env = process.env, file: string = rootEnvFile(env)): Env {
  return { ...readEnvFile(file), ...env };
}

/**
 * Applies withRootEnv to `process.env` itself, for processes whose children must see the file's
 * values too (the site server's `astro build`, Strapi one-off jobs). Variables already set win.
 */
export function loadRootEnv(file: string = rootEnvFile()): void {
  for (const [name, value] of Object.entries(readEnvFile(file))) {
    if (process.env[name] === undefined && value !== undefined) process.env[name] = value;
  }
}
