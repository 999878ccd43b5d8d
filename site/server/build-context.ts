import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { connection } from '../src/strapi/strapi-snapshot.ts';
import type { BuildEnv } from './build-env.ts';
import { BodyStore } from './body-store.ts';
import { ImageStore } from './images.ts';
import type { BuildContext } from './site-build.ts';

/** The site package's root (site/). */
export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where compiled code and images are kept: SITE_CACHE_DIR, relative to site/ (default site/.builds/cache). */
export function cacheDirOf(env: Pick<BuildEnv, 'SITE_CACHE_DIR'>): string {
  return path.resolve(SITE_ROOT, env.SITE_CACHE_DIR || '.builds/cache');
}

/**
 * Everything a build needs, from the validated build variables. `bodiesDir`: where this process
 * keeps article bodies (one process per directory: it deletes what its builds no longer use).
 */
export function buildContext(env: BuildEnv, log: Logger, bodiesDir: string): BuildContext {
  const cacheDir = cacheDirOf(env);
  return {
    siteRoot: SITE_ROOT,
    cacheDir,
    connection: connection(env.STRAPI_URL, env.STRAPI_READ_TOKEN, env.ALLOW_EMPTY_SITE),
    config: {
      siteUrl: env.SITE_URL,
      meiliPublicUrl: env.MEILI_PUBLIC_URL,
      meiliSearchKey: env.MEILI_SEARCH_KEY,
      searchSyncPublicUrl: env.SEARCH_SYNC_PUBLIC_URL,
      semantic: Boolean(env.EMBEDDER_URL),
    },
    images: new ImageStore(path.join(cacheDir, 'images')),
    bodies: new BodyStore(bodiesDir),
    log,
  };
}
