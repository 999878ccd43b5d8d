import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackPaths } from '../stack-paths.ts';
import { backupConfig } from './backup-config.ts';

const paths = stackPaths({ STACKGUIDE_DATA_DIR: '/srv/stackguide/data' });
const base = { ADMIN_PASSWORD: 'secret-password', MEILI_MASTER_KEY: 'a-master-key-of-16+' };

describe('backup configuration', () => {
  it('backs up the SQLite file, uploads and search-sync data where npm start keeps them', () => {
    const cfg = backupConfig({ ...base, STRAPI_PUBLIC_DIR: '.data/public' }, paths);
    expect(cfg.database).toEqual({ client: 'sqlite', file: '/srv/stackguide/data/cms.db' });
    expect(cfg.uploadsDir).toBe('/srv/stackguide/data/public/uploads');
    expect(cfg.searchSyncDir).toBe('/srv/stackguide/data/search-sync');
    expect(backupConfig(base, paths).uploadsDir).toBe(path.join(paths.root, 'cms', 'public', 'uploads'));
  });

  it('uses PostgreSQL when DATABASE_URL is set, keeping its password out of the URL the tools see', () => {
    const cfg = backupConfig({ ...base, DATABASE_URL: 'postgres://cms:p%40ss@db.internal:5433/content' }, paths);
    expect(cfg.database).toEqual({
      client: 'postgres',
      target: { url: 'postgres://cms@db.internal:5433/content', password: 'p@ss', ssl: false, name: 'content' },
    });
  });

  it('builds the PostgreSQL address from DATABASE_HOST and the others, and takes folders given on the command line', () => {
    const cfg = backupConfig(
      { ...base, DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'postgres', DATABASE_PASSWORD: 'pw', DATABASE_SSL: 'true' },
      paths,
      { uploads: '/var/lib/docker/volumes/uploads/_data', searchSyncData: '/var/lib/docker/volumes/sync/_data' },
    );
    expect(cfg.database).toEqual({
      client: 'postgres',
      target: { url: 'postgres://stackguide@postgres:5432/stackguide', password: 'pw', ssl: true, name: 'stackguide' },
    });
    expect(cfg.uploadsDir).toBe('/var/lib/docker/volumes/uploads/_data');
    expect(cfg.searchSyncDir).toBe('/var/lib/docker/volumes/sync/_data');
  });

  it('names a bad variable', () => {
    expect(() => backupConfig({ ...base, DATABASE_CLIENT: 'mysql' }, paths)).toThrow('DATABASE_CLIENT must be');
  });
});
