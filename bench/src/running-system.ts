import { SITE_STATUS_ROUTES, type SiteStatus } from '@stackguide/contracts/site-status';
import { adminClient, waitFor, type AdminClient } from '@stackguide/test-kit';
import { withRootEnv } from '@stackguide/runtime';
import { SEARCH_KEY_UID } from '@stackguide/contracts/search-index';
import { meiliCall, type Meili } from './meili-http.ts';

/** What a bench needs of a whole system: the one `npm start` runs (`--running`) or one a bench started. */
export type SystemUnderTest = {
  admin: AdminClient;
  siteUrl: string;
  strapiUrl: string;
  readToken: string;
  /** Resolves once search-sync and the site have nothing left to do (no queue, no owed or running build). */
  idle(): Promise<void>;
  siteStatus(): Promise<SiteStatus>;
};

export type RunningSystem = SystemUnderTest & {
  /** Meilisearch with the search-only key a reader's browser gets. */
  search: Meili;
  /** Meilisearch with the master key, for what only the operator does (floors, document counts). */
  meili: Meili;
  /** search-sync's own address (analytics, status). */
  syncUrl: string;
  /** The .env's values, for the CLI commands a user runs against this system. */
  env: Record<string, string>;
};

/** The system `npm start` runs, found through the root .env it wrote. */
export async function runningSystem(): Promise<RunningSystem> {
  const env = withRootEnv();
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set in .env: start the system with npm start first`);
    return value;
  };
  const strapiUrl = env.STRAPI_URL || 'http://127.0.0.1:1337';
  const siteUrl = env.SITE_URL || 'http://127.0.0.1:4321';
  const syncUrl = `http://127.0.0.1:${env.SEARCH_SYNC_PORT || '7710'}`;
  const meiliUrl = (env.MEILI_URL || `http://127.0.0.1:${env.MEILI_PORT || '7700'}`).replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${need('BUILD_HOOK_SECRET')}` };
  // The search-only key is derived at start, not kept in .env; the master key reads its value.
  const meili = { url: meiliUrl, key: need('MEILI_MASTER_KEY') };
  const { status, data } = await meiliCall<{ key?: string }>(meili, 'GET', `/keys/${SEARCH_KEY_UID}`);
  if (status !== 200 || !data?.key)
    throw new Error(`Meilisearch at ${meiliUrl} has no search-only key (HTTP ${status}): is npm start running?`);
  return {
    admin: await adminClient(strapiUrl, need('ADMIN_EMAIL'), need('ADMIN_PASSWORD')),
    siteUrl,
    strapiUrl,
    readToken: need('STRAPI_READ_TOKEN'),
    search: { url: meiliUrl, key: data.key },
    meili,
    syncUrl,
    env: Object.fromEntries(
      Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
    ),
    idle: () => waitIdle(`${siteUrl}${SITE_STATUS_ROUTES.builds}`, auth, `${syncUrl}/status`),
    siteStatus: () => siteStatus(`${siteUrl}${SITE_STATUS_ROUTES.builds}`, auth),
  };
}

async function siteStatus(url: string, auth: Record<string, string>): Promise<SiteStatus> {
  return (await (await fetch(url, { headers: auth })).json()) as SiteStatus;
}

/** Waits until search-sync's queue is empty, it owes the site no rebuild, and the site builds nothing. */
export async function waitIdle(siteStatusUrl: string, auth: Record<string, string>, syncStatusUrl: string): Promise<void> {
  await waitFor(
    'search-sync and the site to be idle',
    async () => {
      const site = await siteStatus(siteStatusUrl, auth);
      const sync = (await (await fetch(syncStatusUrl)).json()) as { queueDepth: number; siteRebuildPending: unknown };
      return site.building === null && !site.pending && sync.queueDepth === 0 && sync.siteRebuildPending === null;
    },
    { timeoutMs: 600_000, intervalMs: 100 },
  );
}
