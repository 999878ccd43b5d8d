import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCmsBuild, startStrapi } from '@stackguide/launch';
import { adminClient, type AdminClient } from './cms-admin-client.ts';
import { testSecrets } from './test-secrets.ts';
import { childEnv } from './child-env.ts';

export type TestCms = {
  url: string;
  readToken: string;
  databaseFilename: string;
  env: Record<string, string>;
  admin(): Promise<AdminClient>;
  /**
   * Stops Strapi and starts it again on the same database, with `env` overriding variables;
   * `whileDown` runs between the two (to let something happen while the CMS is down).
   */
  restart(env?: Record<string, string>, whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Boots a real, seeded Strapi for an integration test: fresh secrets, a temp SQLite database (or
 * the Postgres given in `env`), admin panel off unless `admin` is set (then it is built first when
 * missing or stale, which takes minutes). `stop()` ends the process and removes the temp dir.
 */
export async function startTestCms(
  opts: { webhookUrl?: string; env?: Record<string, string>; admin?: boolean; onLine?: (line: string) => void } = {},
): Promise<TestCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-cms-'));
  const env: Record<string, string> = {
    ...testSecrets(),
    SEARCH_SYNC_URL: opts.webhookUrl ?? '',
    SEED_ON_START: 'true',
    ...opts.env,
  };
  try {
    const quiet = (line: string) => opts.onLine?.(line);
    await ensureCmsBuild({ admin: opts.admin ?? false, onLine: quiet });
    const databaseFilename = path.join(dir, 'cms.db');
    const boot = (port?: number) =>
      startStrapi({
        env: childEnv(env),
        databaseFilename,
        serveAdmin: opts.admin ?? false,
        onLine: quiet,
        ...(port ? { port } : {}),
      });
    let strapi = await boot();
    const port = Number(new URL(strapi.url).port);
    return {
      url: strapi.url,
      readToken: env.STRAPI_READ_TOKEN!,
      databaseFilename,
      env,
      admin: () => adminClient(strapi.url, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!),
      async restart(overrides = {}, whileDown) {
        await strapi.stop();
        await whileDown?.();
        Object.assign(env, overrides);
        strapi = await boot(port);
      },
      async stop() {
        await strapi.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
