import path from 'node:path';
import { SEARCH_KEY_UID } from '@stackguide/contracts/search-index';
import { adminClient, freePort, startMeili, startSiteServer, startStrapi } from '@stackguide/test-kit';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { meiliCall, type Meili } from './meili-http.ts';
import { runningSystem, waitIdle, type SystemUnderTest } from './running-system.ts';
import { startSearchSync, syncDataDir, waitForSyncReady } from './search-sync-process.ts';

/** The whole system a reader meets: the site, search with the search-only key, search-sync's public routes. */
export type SiteSystem = SystemUnderTest & {
  /** Meilisearch with the search-only key a reader's browser gets. */
  search: Meili;
  /** search-sync's own address (analytics, status). */
  syncUrl: string;
  /** SITE_URL's origin: the only one search-sync takes analytics from. */
  siteOrigin: string;
};

/** The system `npm start` runs, found through the root .env. */
export async function runningSiteSystem(): Promise<SiteSystem> {
  const system = await runningSystem();
  return { ...system, siteOrigin: new URL(system.env.SITE_URL ?? system.siteUrl).origin };
}

/**
 * Boots the whole system on a copy of the fixture with `articles` generated articles: Meilisearch,
 * Strapi, the site server (first full build) and search-sync wired to its build hook, and waits
 * until search-sync's first sync is done. Each stop is pushed onto `stops` as soon as its part runs;
 * `runDir` holds the data.
 */
export async function startSiteSystem(
  articles: number,
  runDir: string,
  stops: (() => Promise<void>)[],
  log: (line: string) => void,
): Promise<SiteSystem> {
  const fixture = await fixtureCopy(articles, path.join(runDir, 'cms.db'), log);
  const { secrets } = fixture;
  const meili = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
  stops.push(() => meili.stop());
  const syncPort = await freePort();
  const cms = await startStrapi({
    env: cmsEnv(secrets, fixture.databaseFilename, {
      SEED_ON_START: 'false',
      SEARCH_SYNC_URL: `http://127.0.0.1:${syncPort}/webhooks/strapi`,
    }),
    databaseFilename: fixture.databaseFilename,
  });
  stops.push(() => cms.stop());
  log('site: first build');
  const site = await startSiteServer({
    strapiUrl: cms.url,
    token: secrets.STRAPI_READ_TOKEN,
    env: { SITE_CACHE_DIR: path.join(runDir, 'site-cache') },
    timeoutMs: 900_000,
  });
  stops.push(() => site.stop());
  log('search-sync: first fill');
  const sync = await startSearchSync({
    STRAPI_URL: cms.url,
    STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN,
    WEBHOOK_SECRET: secrets.WEBHOOK_SECRET,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: secrets.MEILI_MASTER_KEY,
    SEARCH_SYNC_PORT: String(syncPort),
    SEARCH_SYNC_DATA_DIR: syncDataDir(runDir),
    RECONCILE_INTERVAL: '1h',
    SITE_URL: site.url,
    SITE_BUILD_HOOK_URL: `${site.url}/__hooks/build`,
    BUILD_HOOK_SECRET: site.secret,
  });
  stops.push(() => sync.stop());
  await waitForSyncReady(sync);
  const key = await meiliCall<{ key?: string }>({ url: meili.url, key: secrets.MEILI_MASTER_KEY }, 'GET', `/keys/${SEARCH_KEY_UID}`);
  if (!key.data?.key) throw new Error(`search-sync made no search-only key (HTTP ${key.status})`);
  return {
    admin: await adminClient(cms.url, secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD),
    siteUrl: site.url,
    strapiUrl: cms.url,
    readToken: secrets.STRAPI_READ_TOKEN,
    search: { url: meili.url, key: key.data.key },
    syncUrl: sync.url,
    siteOrigin: new URL(site.url).origin,
    idle: () => waitIdle(`${site.url}/__status`, { authorization: `Bearer ${site.secret}` }, `${sync.url}/status`),
    siteStatus: () => site.status(),
  };
}
