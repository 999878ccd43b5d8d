import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '@stackguide/test-kit';

export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TEST_SITE_URL = 'https://stackguide.test';

/** What one build-cli run printed: where it built, how many files, how many it rendered. */
export type BuiltSite = { dir: string; pages: number; rendered: number; ms: number };

/**
 * One full build (server/build-cli.ts, its own process, the test's environment only) into `outDir`.
 * @throws Error with the build's own message when it fails.
 */
export function runBuildCli(outDir: string, env: NodeJS.ProcessEnv): Promise<BuiltSite> {
  return new Promise((resolve, reject) => {
    // Builds without search-sync: a test's search key, if any, is in its env (MEILI_SEARCH_KEY).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/build-cli.ts', '--out', outDir, '--no-search-sync'], {
      cwd: SITE_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as BuiltSite);
      reject(new Error(stderr.trim() || `build-cli exited with code ${code}`));
    });
  });
}

/**
 * Builds the site into a fresh directory under site/.builds against the given Strapi and returns
 * it; the caller removes it. The environment is the test's own, so nothing leaks between builds.
 */
export async function buildSiteForTest(strapiUrl: string, token: string, extra: Record<string, string> = {}): Promise<string> {
  const outDir = path.join(SITE_ROOT, '.builds', `test-${process.pid}-${Date.now()}`);
  const env = childEnv({
    STRAPI_URL: strapiUrl,
    STRAPI_READ_TOKEN: token,
    SITE_URL: TEST_SITE_URL,
    ...extra,
  });
  try {
    await runBuildCli(outDir, env);
  } catch (err) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
  return outDir;
}
