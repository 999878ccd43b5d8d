import path from 'node:path';
import { waitForHttp } from '@stackguide/runtime';
import { spawnChild, untilReady, type Child } from './child.ts';
import { BIN_DIR, CMS_DIR } from './paths.ts';
import { freePort } from './ports.ts';

export type StrapiProcess = { url: string; child: Child; stop(): Promise<void> };

/**
 * Starts a compiled Strapi app (`strapi start` in `appDir`, by default cms/; run ensureCmsBuild first)
 * and waits until `/_health` answers. The CMS seeds, creates the admin user, the read-only token and
 * the webhook itself on bootstrap, from the variables in `env`.
 * @throws Error naming the URL and Strapi's last output lines when it exits or never gets healthy.
 */
export async function startStrapi(opts: {
  env: NodeJS.ProcessEnv;
  /** Another Strapi app laid out from the compiled CMS (the bench's plugin CMS). */
  appDir?: string;
  /** Name of the child process in messages (default `cms`). */
  name?: string;
  host?: string;
  port?: number;
  databaseFilename?: string;
  serveAdmin?: boolean;
  timeoutMs?: number;
  onLine?: (line: string) => void;
}): Promise<StrapiProcess> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? (await freePort(host));
  const url = `http://${host}:${port}`;
  const name = opts.name ?? 'cms';
  const recent: string[] = [];
  const child = spawnChild(name, path.join(BIN_DIR, 'strapi'), ['start'], {
    cwd: opts.appDir ?? CMS_DIR,
    env: {
      ...opts.env,
      NODE_ENV: 'production',
      STRAPI_HOST: host,
      STRAPI_PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
      SERVE_ADMIN_PANEL: String(opts.serveAdmin ?? false),
      ...(opts.databaseFilename ? { DATABASE_FILENAME: opts.databaseFilename } : {}),
    },
    onLine: (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      opts.onLine?.(line);
    },
  });
  try {
    await untilReady(child, waitForHttp(`${url}/_health`, { timeoutMs: opts.timeoutMs ?? 180_000, isAlive: child.alive }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Strapi did not start at ${url}: ${reason}\n--- last Strapi output ---\n${recent.join('\n')}`);
  }
  return { url, child, stop: () => child.stop() };
}
