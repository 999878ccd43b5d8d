#!/usr/bin/env -S npx tsx
/**
 * One full build of the static site, without serving it: `npm run build -w site` (into site/dist),
 * or `tsx server/build-cli.ts --out <dir>`. Compiles the pages when the site's code changed, then
 * renders every file from the CMS into a fresh directory that replaces `<dir>` once it is complete.
 * Reads the build variables (STRAPI_URL, SITE_URL, …) from the environment and .env. Without
 * MEILI_SEARCH_KEY it asks the local search-sync for the search-only key, as `npm start` does;
 * `--no-search-sync` builds without one instead (the search page then works without JavaScript
 * only). Prints one JSON line with what it built; exits 1 with the cause on one line when it fails
 * (with the stack under --verbose).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '@stackguide/contracts/parse-config';
import { fetchSearchKey, loadRootEnv, SearchKeyError, searchKeyUrl } from '@stackguide/runtime';
import { pino } from 'pino';
import { buildContext, SITE_ROOT } from './build-context.ts';
import { type BuildEnv, parseBuildEnv } from './build-env.ts';
import { replaceDir } from './replace-dir.ts';
import { buildSite } from './site-build.ts';

const NO_KEY_FIX =
  'Fix: start search-sync (npm start runs it; SEARCH_SYNC_HOST and SEARCH_SYNC_PORT say where it listens), ' +
  'or set MEILI_SEARCH_KEY to the search-only key (`npm run keys -w search-sync` prints it).';

const OPTIONS = {
  out: { type: 'string', default: path.join(SITE_ROOT, 'dist') },
  'no-search-sync': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

/** The build variables, with the search-only key from search-sync when MEILI_SEARCH_KEY is not set and `askSearchSync`. */
async function buildEnv(askSearchSync: boolean): Promise<BuildEnv> {
  const env = parseBuildEnv(process.env);
  if (env.MEILI_SEARCH_KEY || !askSearchSync) return env;
  const sync = parseConfig({ SEARCH_SYNC_HOST: 'required', SEARCH_SYNC_PORT: 'required' }, process.env);
  try {
    const key = await fetchSearchKey(searchKeyUrl(sync.SEARCH_SYNC_HOST, sync.SEARCH_SYNC_PORT));
    return { ...env, MEILI_SEARCH_KEY: key.searchKey, MEILI_PUBLIC_URL: env.MEILI_PUBLIC_URL ?? key.url };
  } catch (err) {
    if (!(err instanceof SearchKeyError)) throw err;
    throw new Error(`MEILI_SEARCH_KEY is not set and ${err.message}. ${NO_KEY_FIX}`, { cause: err });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS });
  loadRootEnv();
  const log = pino({ name: 'site-build', level: process.env.LOG_LEVEL || 'warn' }, pino.destination(2));
  // One build, one process: its article bodies go to a directory of its own, removed at the end.
  const bodiesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-bodies-'));
  try {
    const ctx = buildContext(await buildEnv(!values['no-search-sync']), log, bodiesDir);
    const out = path.resolve(values.out);
    const started = performance.now();
    const build = await replaceDir(out, (fresh) => buildSite(ctx, fresh, null, { changes: null, full: true }));
    console.log(JSON.stringify({ dir: out, pages: build.pages, rendered: build.rendered, ms: Math.round(performance.now() - started) }));
  } finally {
    fs.rmSync(bodiesDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  const verbose = process.argv.includes('--verbose');
  console.error(err instanceof Error ? (verbose && err.stack) || err.message : String(err));
  process.exitCode = 1;
}
