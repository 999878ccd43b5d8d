#!/usr/bin/env -S npx tsx
/**
 * One full build of the static site, without serving it: `npm run build -w site` (into site/dist),
 * or `tsx server/build-cli.ts --out <dir>`. Compiles the pages when the site's code changed, then
 * renders every file from the CMS into a fresh directory that replaces `<dir>` once it is complete.
 * Reads the build variables (STRAPI_URL, SITE_URL, …) from the environment and .env. Without
 * MEILI_SEARCH_KEY it asks the local search-sync for the search-only key, as `npm start` does;
 * `--no-search-sync` builds without one instead (the search page then works without JavaScript
 * only). Prints one JSON line with what it built; exits 1 with the build's error message when it
 * fails (the stack too with --verbose).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRootEnv } from '@stackguide/runtime';
import { pino } from 'pino';
import { buildContext, SITE_ROOT } from './build-context.ts';
import { type BuildEnv, parseBuildEnv } from './build-env.ts';
import { replaceDir } from './replace-dir.ts';
import { fetchSearchKey, parseSearchSyncEnv, searchKeyUrl } from './search-key.ts';
import { buildSite } from './site-build.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: path.join(SITE_ROOT, 'dist') }, 'no-search-sync': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});
loadRootEnv();
const log = pino({ name: 'site-build', level: process.env.LOG_LEVEL || 'warn' }, pino.destination(2));

/** The build variables, with the search-only key from search-sync when MEILI_SEARCH_KEY is not set. */
async function buildEnv(): Promise<BuildEnv> {
  const env = parseBuildEnv(process.env);
  if (env.MEILI_SEARCH_KEY || values['no-search-sync']) return env;
  const key = await fetchSearchKey(searchKeyUrl(parseSearchSyncEnv(process.env)));
  return { ...env, MEILI_SEARCH_KEY: key.searchKey, MEILI_PUBLIC_URL: env.MEILI_PUBLIC_URL ?? key.url };
}

try {
  const ctx = buildContext(await buildEnv(), log);
  const out = path.resolve(values.out);
  const started = performance.now();
  const build = await replaceDir(out, (fresh) => buildSite(ctx, fresh, null, { changes: null, full: true }));
  console.log(JSON.stringify({ dir: out, pages: build.pages, rendered: build.rendered, ms: Math.round(performance.now() - started) }));
} catch (err) {
  console.error(values.verbose && err instanceof Error ? (err.stack ?? err.message) : err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
