import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnBin, type Child } from '@stackguide/launch';
import { waitFor, waitForHttp } from '@stackguide/runtime';
import { SITE_STATUS_ROUTES, type SiteStatus } from '@stackguide/contracts/site-status';
import { childEnv } from './child-env.ts';

export type SiteServer = {
  /** Where it listens. */
  url: string;
  /** Its build directories; `current` links the served one. */
  buildsDir: string;
  secret: string;
  /** Every line it logged. */
  lines: string[];
  child: Child;
  status(): Promise<SiteStatus>;
  /** The directory of the build being served. */
  currentDir(): Promise<string>;
  /** Calls the build hook with `body` (JSON; none when undefined); resolves with the status code. */
  hook(body?: unknown): Promise<number>;
  /** Calls the hook and waits for the build it starts; returns that build's status and directory. */
  rebuild(body?: unknown): Promise<{ current: NonNullable<SiteStatus['current']>; dir: string }>;
  stop(): Promise<void>;
};

/**
 * Runs the real site server (the site package's bin) against a Strapi, building into a temp
 * directory, and resolves once it serves its first build. `env` adds or overrides variables
 * (SITE_URL, MEILI_*, SITE_CACHE_DIR, …). `port` is for a CMS that must know the site's address
 * before the site starts (its preview links).
 * @throws Error with its last log lines when it does not come up within `timeoutMs`.
 */
export async function startSiteServer(opts: {
  strapiUrl: string;
  token: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  port?: number;
}): Promise<SiteServer> {
  const buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-server-'));
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const secret = `site-hook-${crypto.randomUUID()}`;
  const lines: string[] = [];
  const child = spawnBin('@stackguide/site', [], {
    name: 'site',
    env: childEnv({
      STRAPI_URL: opts.strapiUrl,
      STRAPI_READ_TOKEN: opts.token,
      SITE_HOST: '127.0.0.1',
      SITE_PORT: String(port),
      SITE_URL: url,
      BUILD_HOOK_SECRET: secret,
      SITE_BUILDS_DIR: buildsDir,
      SITE_BUILD_DEBOUNCE_MS: '0',
      ...opts.env,
    }),
    onLine: (line) => lines.push(line),
  });
  const stop = async () => {
    await child.stop();
    fs.rmSync(buildsDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/`, { timeoutMs: opts.timeoutMs ?? 180_000, isAlive: () => child.alive() });
  } catch (err) {
    await stop();
    throw new Error(`the site server did not come up: ${err instanceof Error ? err.message : String(err)}\n${lines.slice(-20).join('\n')}`);
  }
  const auth = { authorization: `Bearer ${secret}` };
  const status = async () => (await (await fetch(`${url}${SITE_STATUS_ROUTES.builds}`, { headers: auth })).json()) as SiteStatus;
  const hook = async (body?: unknown) => {
    const res = await fetch(`${url}/__hooks/build`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    await res.body?.cancel();
    return res.status;
  };
  return {
    url,
    buildsDir,
    secret,
    lines,
    child,
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
        { timeoutMs: 300_000, intervalMs: 50 },
      );
      return { current: done.current!, dir: path.join(buildsDir, done.current!.id) };
    },
    stop,
  };
}
