#!/usr/bin/env -S npx tsx
import { BUILD_HOOK_PATH } from '@stackguide/contracts/build-hook';
import path from 'node:path';
import { loadRootEnv, REPO_ROOT } from '@stackguide/runtime';
import { pino } from 'pino';
import { parseBuildEnv, type BuildEnv } from './build-env.ts';
import { buildContext } from './build-context.ts';
import { SiteBuilder } from './builder.ts';
import { createSiteServer, PREVIEW_ROOT } from './http-server.ts';
import { parseServeEnv, type ServeEnv } from './serve-env.ts';
import { copyBuild } from './build-contents.ts';
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
const buildsDir = path.resolve(REPO_ROOT, env.SITE_BUILDS_DIR);
const ctx = buildContext(env, logger, path.join(buildsDir, 'bodies'));

const builder = new SiteBuilder<SiteState>({
  buildsDir,
  debounceMs: env.SITE_BUILD_DEBOUNCE_MS,
  fullBuildIntervalMs: env.SITE_FULL_BUILD_INTERVAL,
  logger,
  build: (outDir, previous, request, onKind) => buildSite(ctx, outDir, previous, request, onKind),
  spare: { needed: (state) => state.spare === null, make: async (state, dir) => ({ ...state, spare: await copyBuild(state, dir) }) },
});

try {
  await builder.buildNow();
} catch (err) {
  logger.fatal({ err }, `first build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

// Draft previews are answered by this process: it holds the compiled pages and the served build's
// content the preview renders with, so a preview costs one fetch and one render, not a process.
const preview =
  env.PREVIEW_SECRET && env.PREVIEW_READ_TOKEN
    ? {
        secret: env.PREVIEW_SECRET,
        token: env.PREVIEW_READ_TOKEN,
        strapiUrl: env.STRAPI_URL,
        publicStrapiUrl: env.STRAPI_PUBLIC_URL || env.STRAPI_URL,
        state: () => builder.state(),
        config: ctx.config,
        log: logger,
      }
    : null;
if (!preview) logger.warn('draft preview is off: PREVIEW_SECRET and PREVIEW_READ_TOKEN are not both set');
const server = createSiteServer({ builder, hookSecret: env.BUILD_HOOK_SECRET, logger, origins: ctx.config, preview });
server.listen(env.SITE_PORT, env.SITE_HOST, () => {
  const url = `http://${env.SITE_HOST}:${env.SITE_PORT}`;
  logger.info(
    { url, hook: `${url}${BUILD_HOOK_PATH}`, preview: preview ? `${url}${PREVIEW_ROOT}` : 'off', dir: builder.current() },
    'site ready',
  );
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  builder.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
