import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  adminClient,
  freePort,
  spawnBin,
  startMeili,
  startTestCms,
  testSecrets,
  waitForHttp,
  type AdminClient,
  type Child,
  type MeiliProcess,
  type TestCms,
  childEnv,
} from '@stackguide/test-kit';
import { startFakeSite, type FakeSite } from './fake-site.ts';

export type SearchStack = {
  cms: TestCms;
  meili: MeiliProcess;
  searchSync: Child;
  /** Where search-sync listens (its public analytics routes among them). */
  syncUrl: string;
  site: FakeSite;
  /** Every variable the CMS was started with. */
  env: Record<string, string>;
  /** Every secret of the set-up, the Meilisearch master key (which the CMS never gets) included. */
  secrets: ReturnType<typeof testSecrets>;
  stop(): Promise<void>;
};

/**
 * The real CMS with search-sync (`search-sync serve`, its declared bin) and Meilisearch behind it,
 * wired as `npm start` wires them, plus the fake site server (./fake-site.ts) for the build hook and
 * `/__status`. `admin` builds and serves the admin panel. `stop()` undoes whatever was started.
 */
export async function startSearchStack(
  opts: { admin?: boolean; secrets?: ReturnType<typeof testSecrets>; onLine?: (line: string) => void } = {},
): Promise<SearchStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-search-site-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const secrets = opts.secrets ?? testSecrets();
    const meili = await startMeili({ dataDir: path.join(dir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
    cleanups.push(() => meili.stop());
    let cmsUrl = '';
    const site = await startFakeSite({ secret: secrets.BUILD_HOOK_SECRET, strapiUrl: () => cmsUrl, readToken: secrets.STRAPI_READ_TOKEN });
    cleanups.push(() => site.close());
    const syncPort = await freePort();
    // What npm start gives the CMS: everything but the Meilisearch master key.
    const { MEILI_MASTER_KEY: _master, ...cmsSecrets } = secrets;
    const env = { ...cmsSecrets, SITE_BUILD_HOOK_URL: `${site.url}/__hooks/build` };
    const cms = await startTestCms({
      webhookUrl: `http://127.0.0.1:${syncPort}/webhooks/strapi`,
      admin: opts.admin,
      env,
      onLine: opts.onLine,
    });
    cleanups.push(() => cms.stop());
    cmsUrl = cms.url;
    const searchSync = await startSearchSync({
      secrets,
      cmsUrl: cms.url,
      meiliUrl: meili.url,
      port: syncPort,
      dataDir: path.join(dir, 'queue'),
      buildHookUrl: env.SITE_BUILD_HOOK_URL,
      onLine: opts.onLine,
    });
    cleanups.push(() => searchSync.stop());
    return { cms, meili, searchSync, syncUrl: `http://127.0.0.1:${syncPort}`, site, env: cms.env, secrets, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * `search-sync serve` (its declared bin) as `npm start` wires it to the CMS, Meilisearch and the
 * site's build hook, once its /health answers.
 */
export async function startSearchSync(opts: {
  secrets: ReturnType<typeof testSecrets>;
  cmsUrl: string;
  meiliUrl: string;
  port: number;
  dataDir: string;
  buildHookUrl: string;
  buildHookSecret?: string;
  onLine?: ((line: string) => void) | undefined;
}): Promise<Child> {
  const searchSync = spawnBin('@stackguide/search-sync', ['serve'], {
    env: childEnv({
      ...opts.secrets,
      STRAPI_URL: opts.cmsUrl,
      MEILI_URL: opts.meiliUrl,
      SEARCH_SYNC_PORT: String(opts.port),
      SEARCH_SYNC_DATA_DIR: opts.dataDir,
      SITE_BUILD_HOOK_URL: opts.buildHookUrl,
      ...(opts.buildHookSecret ? { BUILD_HOOK_SECRET: opts.buildHookSecret } : {}),
      LOG_LEVEL: 'warn',
    }),
    onLine: (line) => opts.onLine?.(`search-sync: ${line}`),
  });
  try {
    await waitForHttp(`http://127.0.0.1:${opts.port}/health`, { timeoutMs: 60_000, isAlive: searchSync.alive });
  } catch (err) {
    await searchSync.stop();
    throw err;
  }
  return searchSync;
}

type Role = { id: number; code: string };

/**
 * Invites an admin user with one of Strapi's roles (`strapi-editor`, `strapi-author`) and completes
 * the registration as that user would; returns a client logged in as them.
 */
export async function addAdminUser(cms: TestCms, roleCode: string): Promise<AdminClient & { email: string; password: string }> {
  const superAdmin = await cms.admin();
  const roles = await superAdmin.request<{ data: Role[] }>('GET', '/admin/roles');
  const role = roles.data.find((r) => r.code === roleCode);
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const name = roleCode.replace('strapi-', '');
  const email = `${name}-${Date.now()}@stackguide.test`;
  const password = `Aa1-${name}-${Math.random().toString(36).slice(2, 12)}`;
  const invited = await superAdmin.request<{ data: { registrationToken: string } }>('POST', '/admin/users', {
    firstname: name,
    lastname: 'Tester',
    email,
    roles: [role.id],
  });
  const res = await fetch(`${cms.url}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invited.data.registrationToken,
      userInfo: { firstname: name, lastname: 'Tester', password },
    }),
  });
  if (!res.ok) throw new Error(`registering ${email} failed: HTTP ${res.status} ${await res.text()}`);
  return { ...(await adminClient(cms.url, email, password)), email, password };
}
