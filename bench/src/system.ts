import fs from 'node:fs';
import path from 'node:path';
import {
  adminClient,
  freePort,
  startMeili,
  startStrapi,
  startTestEmbedder,
  stopAll,
  type EmbedderProcess,
  waitForHttp,
  type AdminClient,
  type MeiliIndexing,
  type MeiliProcess,
  type StrapiProcess,
} from '@stackguide/test-kit';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { keepVectors, seedVectors } from './fixture-vectors.ts';
import { cmsEnv, fixtureCopy, type Fixture } from './fixtures.ts';
import { documentCount, waitForIdleIndex, type Meili } from './meili-http.ts';
import { ARTICLE_UID, PLUGIN_INDEX, preparePluginApp, startPluginCms } from './plugin-cms.ts';
import { parseConfig } from '@stackguide/contracts/parse-config';
import { stepLog } from '@stackguide/runtime';
import { startSearchSync, syncDataDir, waitForSyncReady, type SearchSync } from './search-sync-process.ts';
import { makeRunDir } from './paths.ts';

/** The bench's own embedder key: the embedder listens on loopback for this run only. */
const BENCH_EMBEDDER_KEY = 'bench-embedder-key-0123456789';

export type Ours = {
  cms: StrapiProcess;
  cmsEnv: Record<string, string>;
  /** Semantic search's model, which search-sync embeds articles with and Meilisearch queries. */
  embedder: EmbedderProcess;
  sync: SearchSync;
  syncEnv: Record<string, string>;
  admin: AdminClient;
};
export type Peer = { cms: StrapiProcess; cmsEnv: Record<string, string>; admin: AdminClient };
export type System = {
  runDir: string;
  fixture: Fixture;
  meili: Meili;
  meiliProcess: MeiliProcess;
  /** The indexing limits the shared Meilisearch runs with. */
  indexing: MeiliIndexing;
  ours: Ours;
  peer: Peer;
  /** Restarts Meilisearch on the same port and data (after a kill). */
  restartMeili(): Promise<void>;
  /** Starts search-sync serve again on the same port and queue (after a kill). */
  restartSync(): Promise<void>;
  /** Stops our CMS, waits `downMs`, starts it again on the same port and database. */
  bounceOurCms(downMs: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Meilisearch's indexing limits for a run: what `npm start` uses, unless MEILI_MAX_INDEXING_MEMORY /
 * MEILI_MAX_INDEXING_THREADS in the environment ask for others (to measure them side by side).
 * @throws ConfigError when one of them is malformed.
 */
export function benchIndexing(env: NodeJS.ProcessEnv = process.env): MeiliIndexing {
  const c = parseConfig({ MEILI_MAX_INDEXING_MEMORY: 'required', MEILI_MAX_INDEXING_THREADS: 'optional' }, env);
  return {
    maxIndexingMemory: c.MEILI_MAX_INDEXING_MEMORY,
    ...(c.MEILI_MAX_INDEXING_THREADS === undefined ? {} : { maxIndexingThreads: c.MEILI_MAX_INDEXING_THREADS }),
  };
}

/**
 * Boots everything a side-by-side run needs on one Meilisearch: our CMS (webhook → search-sync
 * serve → index `articles`) and the plugin CMS (→ index `articles_plugin`), each on its own copy of
 * the same fixture database, and waits until both indexes hold every published article.
 * `onSyncLine` gets search-sync's info-level log lines (otherwise it logs warnings only).
 * @throws Error from whichever part failed to start; everything already started is stopped.
 */
export async function startSystem(articles: number, opts: { onSyncLine?: (line: string) => void } = {}): Promise<System> {
  const runDir = makeRunDir('run-');
  const step = stepLog('system');
  try {
    step(`fixture with ${articles} articles`);
    const fixture = await fixtureCopy(articles, path.join(runDir, 'ours.db'), step);
    fs.copyFileSync(fixture.databaseFilename, path.join(runDir, 'peer.db'));
    const { secrets } = fixture;
    const indexing = benchIndexing();
    step(`Meilisearch (max indexing memory ${indexing.maxIndexingMemory} B, threads ${indexing.maxIndexingThreads ?? 'all'})`);
    const meiliPort = await freePort();
    const meiliOpts = { dataDir: path.join(runDir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY, port: meiliPort, indexing };
    let meiliProcess = await startMeili(meiliOpts);
    const meili: Meili = { url: meiliProcess.url, key: secrets.MEILI_MASTER_KEY };

    step('our CMS and search-sync');
    const syncPort = await freePort();
    const ourEnv = cmsEnv(secrets, fixture.databaseFilename, {
      SEARCH_SYNC_URL: `http://127.0.0.1:${syncPort}/webhooks/strapi`,
      SEED_ON_START: 'false',
    });
    const cms = await startStrapi({ env: ourEnv, databaseFilename: fixture.databaseFilename });
    const embedder = await startTestEmbedder({ apiKey: BENCH_EMBEDDER_KEY });
    if (seedVectors(articles, syncDataDir(runDir))) step('vectors of an earlier run of this fixture in place');
    const syncEnv: Record<string, string> = {
      STRAPI_URL: cms.url,
      STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN,
      WEBHOOK_SECRET: secrets.WEBHOOK_SECRET,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.key,
      SEARCH_SYNC_PORT: String(syncPort),
      SEARCH_SYNC_DATA_DIR: syncDataDir(runDir),
      RECONCILE_INTERVAL: '10m',
      EMBEDDER_URL: embedder.url,
      EMBEDDER_API_KEY: embedder.apiKey,
      ...(opts.onSyncLine ? { LOG_LEVEL: 'info' } : {}),
    };
    const sync = await startSearchSync(syncEnv, opts.onSyncLine);
    const ours: Ours = {
      cms,
      cmsEnv: ourEnv,
      embedder,
      sync,
      syncEnv,
      admin: await adminClient(cms.url, secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD),
    };

    step('plugin CMS');
    await preparePluginApp();
    const peerEnv = cmsEnv(secrets, path.join(runDir, 'peer.db'), { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key });
    const pluginCms = await startPluginCms(peerEnv);
    const peer: Peer = {
      cms: pluginCms,
      cmsEnv: peerEnv,
      admin: await adminClient(pluginCms.url, secrets.ADMIN_EMAIL, secrets.ADMIN_PASSWORD),
    };

    step('initial indexing (both)');
    await peer.admin.request('POST', '/meilisearch/content-type', { contentType: ARTICLE_UID });
    const readyFrom = performance.now();
    await waitForSyncReady(sync);
    const oursReadyMs = performance.now() - readyFrom;
    step(`search-sync ready (first reconcile applied) after ${(oursReadyMs / 1000).toFixed(1)} s, the plugin indexing at the same time`);
    await waitForIdleIndex(meili, INDEX_UID);
    await waitForIdleIndex(meili, PLUGIN_INDEX);
    step(`indexed: ours ${await documentCount(meili, INDEX_UID)}, plugin ${await documentCount(meili, PLUGIN_INDEX)}`);
    return {
      runDir,
      fixture,
      meili,
      get meiliProcess() {
        return meiliProcess;
      },
      indexing,
      ours,
      peer,
      async restartMeili() {
        await meiliProcess.stop();
        meiliProcess = await startMeili(meiliOpts);
        await waitForHttp(`${meili.url}/health`, { timeoutMs: 30_000 });
      },
      async restartSync() {
        await ours.sync.stop();
        ours.sync = await startSearchSync(syncEnv, opts.onSyncLine);
      },
      async bounceOurCms(downMs) {
        await ours.cms.stop();
        await new Promise((r) => setTimeout(r, downMs));
        ours.cms = await startStrapi({ env: ourEnv, databaseFilename: fixture.databaseFilename, port: Number(new URL(cms.url).port) });
      },
      async stop() {
        await stopAll();
        keepVectors(articles, syncDataDir(runDir));
        fs.rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopAll();
    // What was embedded before the failure still saves the next run that much.
    keepVectors(articles, syncDataDir(runDir));
    fs.rmSync(runDir, { recursive: true, force: true });
    throw err;
  }
}
