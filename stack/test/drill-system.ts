import fs from 'node:fs';
import path from 'node:path';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { REPO_ROOT } from '@stackguide/runtime';
import {
  adminClient,
  ensureCmsBuild,
  freePort,
  spawnBin,
  spawnChild,
  startStrapi,
  testSecrets,
  waitFor,
  waitForHttp,
  type AdminClient,
  type Child,
  type StrapiProcess,
  childEnv,
} from '@stackguide/test-kit';

/** The variables of a drill's system, written to its own .env as `npm start` would have them. */
export function drillEnv(
  dir: string,
  ports: { strapi: number; sync: number; site: number },
  meiliUrl: string,
  database: { DATABASE_CLIENT: string; DATABASE_URL?: string },
) {
  return {
    DATABASE_URL: '',
    ...testSecrets(),
    STRAPI_PORT: String(ports.strapi),
    STRAPI_URL: `http://127.0.0.1:${ports.strapi}`,
    DATABASE_FILENAME: path.join(dir, 'data', 'cms.db'),
    STRAPI_PUBLIC_DIR: path.join(dir, 'public'),
    SEARCH_SYNC_PORT: String(ports.sync),
    SEARCH_SYNC_URL: `http://127.0.0.1:${ports.sync}/webhooks/strapi`,
    SEARCH_SYNC_DATA_DIR: path.join(dir, 'data', 'search-sync'),
    SEARCH_SYNC_PUBLIC_URL: `http://127.0.0.1:${ports.sync}`,
    SITE_URL: `http://127.0.0.1:${ports.site}`,
    SITE_BUILD_HOOK_URL: '',
    MEILI_URL: meiliUrl,
    SEED_ON_START: 'true',
    LOG_LEVEL: 'warn',
    STRAPI_LOG_LEVEL: 'warn',
    ...database,
  };
}
export type DrillEnv = ReturnType<typeof drillEnv>;

export type RunningParts = { strapi: StrapiProcess; sync: Child; admin: AdminClient; stop(): Promise<void> };

/** Strapi and `search-sync serve` on the drill's data, as `npm start` starts them; resolves once search-sync is ready. */
export async function startParts(env: DrillEnv): Promise<RunningParts> {
  const base = childEnv();
  await ensureCmsBuild({ admin: false });
  const { MEILI_MASTER_KEY: _master, ...cmsEnv } = env;
  const strapi = await startStrapi({ env: { ...base, ...cmsEnv }, port: Number(env.STRAPI_PORT), databaseFilename: env.DATABASE_FILENAME });
  const sync = spawnBin('@stackguide/search-sync', ['serve'], { env: { ...base, ...env }, onLine: () => undefined });
  const status = `http://127.0.0.1:${env.SEARCH_SYNC_PORT}/status`;
  const stop = async () => {
    await sync.stop();
    await strapi.stop();
  };
  try {
    await waitForHttp(status, { timeoutMs: 60_000, isAlive: sync.alive });
    await waitFor(
      'search-sync to be ready and idle',
      async () => {
        const body = (await (await fetch(status)).json()) as { ready: boolean; queueDepth: number };
        return body.ready && body.queueDepth === 0;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    return { strapi, sync, admin: await adminClient(strapi.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Waits until search-sync has nothing queued. */
export async function syncIdle(env: DrillEnv): Promise<void> {
  await waitFor(
    'search-sync to be idle',
    async () => {
      const body = (await (await fetch(`http://127.0.0.1:${env.SEARCH_SYNC_PORT}/status`)).json()) as { queueDepth: number };
      return body.queueDepth === 0;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** Ids of the articles a search finds, as Meilisearch ranks them. */
export async function searchIds(env: DrillEnv, q: string): Promise<string[]> {
  const res = await fetch(`${env.MEILI_URL}/indexes/${INDEX_UID}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.MEILI_MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q, limit: 100 }),
  });
  if (!res.ok) throw new Error(`search ${q}: HTTP ${res.status}`);
  return ((await res.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
}

/** Invites an editor and registers them as they would; the admin users then number two. */
export async function addEditor(admin: AdminClient, strapiUrl: string): Promise<string> {
  const roles = await admin.request<{ data: { id: number; code: string }[] }>('GET', '/admin/roles');
  const role = roles.data.find((r) => r.code === 'strapi-editor');
  const email = 'editor@stackguide.test';
  const invited = await admin.request<{ data: { registrationToken: string } }>('POST', '/admin/users', {
    firstname: 'Eddie',
    lastname: 'Tor',
    email,
    roles: [role!.id],
  });
  const res = await fetch(`${strapiUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invited.data.registrationToken,
      userInfo: { firstname: 'Eddie', lastname: 'Tor', password: 'Aa1-editor-pass' },
    }),
  });
  if (!res.ok) throw new Error(`registering the editor: HTTP ${res.status} ${await res.text()}`);
  return email;
}

export type CliRun = { code: number | string; output: string };

/** Runs `npm run backup` / `npm run restore`'s entry with the drill's .env, as an operator would, and collects its output. */
export async function runBackupCli(dir: string, args: string[]): Promise<CliRun> {
  let output = '';
  const child = spawnChild(
    'backup-cli',
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'stack', 'src', 'backup', 'cli.ts'), ...args],
    {
      cwd: path.join(REPO_ROOT, 'stack'),
      env: childEnv({ STACKGUIDE_ENV_FILE: path.join(dir, '.env'), STACKGUIDE_DATA_DIR: path.join(dir, 'data') }),
      onLine: (line) => (output += `${line}\n`),
    },
  );
  return { code: await child.exited, output };
}

/** Writes the drill's .env (mode 0600, as `npm start` does). */
export function writeEnvFile(dir: string, env: Record<string, string>): void {
  fs.writeFileSync(
    path.join(dir, '.env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
    { mode: 0o600 },
  );
}

export const freePorts = async () => ({ strapi: await freePort(), sync: await freePort(), site: await freePort() });
