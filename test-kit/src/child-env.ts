import os from 'node:os';

/**
 * The environment of a part a test or benchmark starts: PATH, HOME, then `vars`. The CLIs fill what
 * their environment lacks from the repository's `.env`, and after `npm start` that file holds the
 * developer's ports, embedder and build hook: a test's search-sync would bind the running one's
 * port or rebuild its site. STACKGUIDE_ENV_FILE points them at an empty file instead (`vars` may
 * name another, as the stack's tests do).
 */
export function childEnv(vars: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, STACKGUIDE_ENV_FILE: os.devNull, ...vars };
}
