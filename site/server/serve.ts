#!/usr/bin/env -S npx tsx
import path from 'node:path';
import { loadRootEnv, REPO_ROOT } from '@stackguide/runtime';
import { pino } from 'pino';
import { parseBuildEnv, type BuildEnv } from './build-env.ts';
import { buildContext } from './build-context.ts';
import { SiteBuilder } from './builder.ts';
import { createSiteServer, HOOK_PATH } from './http-server.ts';
import { parseServeEnv, type ServeEnv } from './serve-env.ts';
import { buildSite, type SiteState } from './site-build.ts';

loadRootEnv();

let env: ServeEnv & BuildEnv;
try {
  env = { ...parseServeEnv(process.env), ...parseBuildEnv(process.env) };
} catch (err) {
  pino({ name: 'site' }).fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const logger = pino({ name: 'site', level: env.LOG_LEVEL });
const ctx = buildContext(env, logger);

const builder = new SiteBuilder<SiteState>({
  buildsDir: path.resolve(REPO_ROOT, env.SITE_BUILDS_DIR),
  debounceMs: env.SITE_BUILD_DEBOUNCE_MS,
  fullBuildIntervalMs: env.SITE_FULL_BUILD_INTERVAL,
  logger,
  build: (outDir, previous, request, onKind) => buildSite(ctx, outDir, previous, request, onKind),
});

try {
  await builder.buildNow();
} catch (err) {
  logger.fatal({ err }, `first build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const server = createSiteServer(builder, env.BUILD_HOOK_SECRET, logger);
server.listen(env.SITE_PORT, env.SITE_HOST, () => {
  const url = `http://${env.SITE_HOST}:${env.SITE_PORT}`;
  logger.info({ url, hook: `${url}${HOOK_PATH}`, dir: builder.current() }, 'site ready');
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  builder.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
