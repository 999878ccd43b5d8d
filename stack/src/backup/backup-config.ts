import path from 'node:path';
import { CMS_DATABASE_VARIABLES, cmsDatabaseClient } from '@stackguide/contracts/cms-database';
import { type Env, parseConfig } from '@stackguide/contracts/parse-config';
import { parseStackConfig, type StackConfig } from '../config.ts';
import { dataPaths, type DataPaths } from '../parts-env.ts';
import type { StackPaths } from '../stack-paths.ts';
import { postgresTarget, type PostgresTarget } from './postgres.ts';

export type CmsDatabase = { client: 'sqlite'; file: string } | { client: 'postgres'; target: PostgresTarget };

/** What a backup reads and a restore writes: the CMS's database, uploads and search-sync's data, resolved as `npm start` resolves them. */
export type BackupConfig = {
  config: StackConfig;
  data: DataPaths;
  database: CmsDatabase;
  uploadsDir: string;
  searchSyncDir: string;
  meili: { url: string; key: string };
};

/** Folders given on the command line instead of the configured ones (docker-compose volumes seen from the host). */
export type FolderOverrides = { uploads?: string | undefined; searchSyncData?: string | undefined };

/**
 * Reads the configuration the way the CMS and `npm start` do: PostgreSQL when DATABASE_CLIENT says
 * so or DATABASE_URL is set, the SQLite file otherwise.
 * @throws ConfigError naming every invalid variable.
 */
export function backupConfig(env: Env, paths: StackPaths, overrides: FolderOverrides = {}): BackupConfig {
  const config = parseStackConfig(env);
  const db = parseConfig(CMS_DATABASE_VARIABLES, env);
  const data = dataPaths(config, paths);
  const client = cmsDatabaseClient(db);
  const database: CmsDatabase =
    client === 'postgres' ? { client, target: postgresTarget(db) } : { client: 'sqlite', file: data.databaseFilename };
  const meiliUrl = config.MEILI_URL ?? `http://127.0.0.1:${config.MEILI_PORT}`;
  return {
    config,
    data,
    database,
    uploadsDir: path.resolve(overrides.uploads ?? path.join(data.publicDir, 'uploads')),
    searchSyncDir: path.resolve(overrides.searchSyncData ?? data.searchSyncDataDir),
    meili: { url: meiliUrl, key: config.MEILI_MASTER_KEY },
  };
}
