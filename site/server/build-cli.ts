#!/usr/bin/env -S npx tsx
/**
 * One full build into a directory, without serving it: `tsx server/build-cli.ts --out <dir>`.
 * For tests, benchmarks and static hosting. Reads the build variables (STRAPI_URL, SITE_URL, …)
 * from the environment and .env; prints one JSON line with what it built; exits 1 with the
 * build's error message when it fails.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadRootEnv } from '@stackguide/runtime';
import { pino } from 'pino';
import { parseBuildEnv } from './build-env.ts';
import { buildContext } from './build-context.ts';
import { buildSite } from './site-build.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: build-cli.ts --out <directory>');
  process.exit(2);
}
loadRootEnv();
const log = pino({ name: 'site-build', level: process.env.LOG_LEVEL || 'warn' }, pino.destination(2));
try {
  const ctx = buildContext(parseBuildEnv(process.env), log);
  const started = performance.now();
  const build = await buildSite(ctx, path.resolve(values.out), null, { changes: null, full: true });
  console.log(JSON.stringify({ dir: build.state.dir, pages: build.pages, rendered: build.rendered, ms: Math.round(performance.now() - started) }));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
