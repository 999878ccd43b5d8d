export { waitFor, waitForHttp, WaitError } from '@stackguide/runtime';
export { ensureCmsBuild, freePort, spawnBin, spawnChild, startMeili, startStrapi, stopAll, type Child, type MeiliProcess, type StrapiProcess } from '@stackguide/stack';
export { AdminRequestError, adminClient, type AdminClient } from './cms-admin-client.ts';
export { startFakeStrapi, type FakeCollections, type FakeStrapi } from './fake-strapi.ts';
export { postgresBinDir, startPostgres, type PostgresProcess } from './postgres-process.ts';
export { runBin, type BinResult } from './run-bin.ts';
export { startTestCms, type TestCms } from './test-cms.ts';
export { startSiteServer, type SiteServer, type SiteStatus } from './site-server.ts';
export { testSecrets } from './test-secrets.ts';
