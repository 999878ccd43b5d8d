export { waitFor, waitForHttp, WaitError } from '@stackguide/runtime';
export {
  defaultMeiliIndexing,
  ensureCmsBuild,
  freePort,
  spawnBin,
  spawnChild,
  startMeili,
  startStrapi,
  stopAll,
  type Child,
  type MeiliIndexing,
  type MeiliProcess,
  type StrapiProcess,
} from '@stackguide/launch';
export { childEnv } from './child-env.ts';
export { type EmbedderProcess, startTestEmbedder } from './embedder-process.ts';
export { axeViolations, CHROMIUM_ARGS, launchChromium, watchCspViolations } from './browser.ts';
export { needTool } from './system-tool.ts';
export { AdminRequestError, adminClient, type AdminClient } from './cms-admin-client.ts';
export { startFakeStrapi, type FakeCollections, type FakeStrapi } from './fake-strapi.ts';
export { solidPng } from './png.ts';
export { postgresBinDir, startPostgres, type PostgresProcess } from './postgres-process.ts';
export { runBin, type BinResult } from './run-bin.ts';
export { startTestCms, type TestCms } from './test-cms.ts';
export { startSiteServer, type SiteServer } from './site-server.ts';
export { testSecrets } from './test-secrets.ts';
