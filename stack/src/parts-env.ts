import type { StackConfig } from './config.ts';
import { resolveDataPath, type StackPaths } from './stack-paths.ts';

/** Where the parts keep their data, every path resolved as `npm start` resolves it. */
export type DataPaths = { databaseFilename: string; publicDir: string; searchSyncDataDir: string; meiliDataDir: string };

export function dataPaths(config: StackConfig, paths: StackPaths): DataPaths {
  return {
    databaseFilename: resolveDataPath(config.DATABASE_FILENAME, paths),
    publicDir: resolveDataPath(config.STRAPI_PUBLIC_DIR, paths),
    searchSyncDataDir: resolveDataPath(config.SEARCH_SYNC_DATA_DIR, paths),
    meiliDataDir: resolveDataPath('.data/meilisearch', paths),
  };
}

/**
 * The environment of the parts: `env` with the Meilisearch URL in use and the data paths resolved,
 * so a part started elsewhere (a restore's rebuild) reads the same files as under `npm start`.
 * `public` leaves out the master key, which only search-sync needs: nothing that serves browsers gets it.
 */
export function partsEnv(
  env: NodeJS.ProcessEnv,
  data: DataPaths,
  meiliUrl: string,
): { service: NodeJS.ProcessEnv; public: NodeJS.ProcessEnv } {
  const service: NodeJS.ProcessEnv = {
    ...env,
    MEILI_URL: meiliUrl,
    DATABASE_FILENAME: data.databaseFilename,
    STRAPI_PUBLIC_DIR: data.publicDir,
    SEARCH_SYNC_DATA_DIR: data.searchSyncDataDir,
  };
  const { MEILI_MASTER_KEY: _masterKey, ...publicEnv } = service;
  return { service, public: publicEnv };
}
