import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnBin, waitFor, waitForHttp, type Child } from '@stackguide/test-kit';
import type { BuilderStatus } from '../server/builder.ts';
import { TEST_SITE_URL } from './site-build.ts';

export const HOOK_SECRET = 'test-build-hook-secret-0123456789';

export type SiteServer = {
  /** Where it listens. */
  base: string;
  buildsDir: string;
  lines: string[];
  status(): Promise<BuilderStatus>;
  /** The directory of the build being served. */
  currentDir(): Promise<string>;
  /** Calls the build hook; resolves with its status code. */
  hook(body?: unknown): Promise<number>;
  /** Calls the hook with `body` and waits for the build it starts; returns that build's status and directory. */
  rebuild(body?: unknown): Promise<{ current: NonNullable<BuilderStatus['current']>; dir: string }>;
  stop(): Promise<void>;
};

/**
 * The real site server (the package's bin) against `strapiUrl`, building into a temp directory,
 * with the test site URL as its canonical origin; resolves once it serves its first build.
 */
export async function startSiteServer(strapiUrl: string, token: string, env: Record<string, string> = {}): Promise<SiteServer> {
  const buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-server-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child: Child = spawnBin('@stackguide/site', [], {
    name: 'site',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      STRAPI_URL: strapiUrl,
      STRAPI_READ_TOKEN: token,
      SITE_HOST: '127.0.0.1',
      SITE_PORT: String(port),
      SITE_URL: TEST_SITE_URL,
      BUILD_HOOK_SECRET: HOOK_SECRET,
      SITE_BUILDS_DIR: buildsDir,
      SITE_BUILD_DEBOUNCE_MS: '0',
      ...env,
    },
    onLine: (line) => lines.push(line),
  });
  const stop = async () => {
    await child.stop();
    fs.rmSync(buildsDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${base}/`, { timeoutMs: 180_000, isAlive: () => child.alive() });
  } catch (err) {
    await stop();
    throw new Error(`the site server did not come up: ${err instanceof Error ? err.message : String(err)}\n${lines.slice(-20).join('\n')}`);
  }
  const auth = { authorization: `Bearer ${HOOK_SECRET}` };
  const status = async () => (await (await fetch(`${base}/__status`, { headers: auth })).json()) as BuilderStatus;
  const hook = async (body?: unknown) => {
    const res = await fetch(`${base}/__hooks/build`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });
    await res.body?.cancel();
    return res.status;
  };
  return {
    base,
    buildsDir,
    lines,
    status,
    currentDir: async () => path.join(buildsDir, (await status()).current!.id),
    hook,
    async rebuild(body) {
      const before = (await status()).current?.id;
      const code = await hook(body);
      if (code !== 202) throw new Error(`the build hook answered ${code}, not 202`);
      const done = await waitFor(
        'the build the hook started',
        async () => {
          const now = await status();
          if (now.current?.id !== before && now.building === null && !now.pending) return now;
          // Surfaces in the timeout message when the build keeps failing.
          if (now.lastFailure) throw new Error(`last build failure: ${now.lastFailure.message}`);
          return null;
        },
        { timeoutMs: 120_000, intervalMs: 50 },
      );
      const current = done.current!;
      return { current, dir: path.join(buildsDir, current.id) };
    },
    stop,
  };
}
