import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBuild } from '../server/astro-build.ts';

export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TEST_SITE_URL = 'https://stackguide.test';

/**
 * Builds the site into a fresh directory under site/.builds against the given Strapi and returns
 * it; the caller removes it. The environment is the test's own, so nothing leaks between builds.
 */
export async function buildSiteForTest(strapiUrl: string, token: string, extra: Record<string, string> = {}): Promise<string> {
  const outDir = path.join(SITE_ROOT, '.builds', `test-${process.pid}-${Date.now()}`);
  const lines: string[] = [];
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    STRAPI_URL: strapiUrl,
    STRAPI_READ_TOKEN: token,
    SITE_URL: TEST_SITE_URL,
    ...extra,
  };
  try {
    await astroBuild(SITE_ROOT, outDir, (line) => lines.push(line), env);
  } catch (err) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
  return outDir;
}
