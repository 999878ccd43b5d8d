import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@stackguide/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import database from '../config/database';
import server from '../config/server';
import stackguide from '../config/stackguide';

const saved = { ...process.env };
const NAMES = [
  'ADMIN_EMAIL',
  'SEED_ON_START',
  'SEARCH_SYNC_URL',
  'SEARCH_SYNC_ADMIN_URL',
  'SITE_URL',
  'PREVIEW_URL',
  'SITE_STATUS_URL',
  'SITE_BUILD_HOOK_URL',
];
const DATABASE = ['STRAPI_PUBLIC_DIR', 'DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_FILENAME', 'DATABASE_HOST', 'DATABASE_PORT'];

beforeEach(() => {
  for (const name of [...NAMES, ...DATABASE]) delete process.env[name];
});
afterEach(() => {
  process.env = { ...saved };
});

type PostgresConnection = { connection: { host: string; port: number } };

describe('cms config', () => {
  it('sends editors to the preview at PREVIEW_URL, else at SITE_URL', () => {
    process.env.SITE_URL = 'https://stackguide.example/';
    expect(stackguide().previewUrl).toBe('https://stackguide.example');
    process.env.PREVIEW_URL = 'https://preview.stackguide.example';
    expect(stackguide().previewUrl).toBe('https://preview.stackguide.example');
  });

  it('reads empty as unset and refuses a flag that is not true or false, naming it', () => {
    Object.assign(process.env, { ADMIN_EMAIL: '', SEED_ON_START: '', SEARCH_SYNC_URL: '' });
    expect(stackguide()).toMatchObject({ adminEmail: 'admin@stackguide.local', seedOnStart: true, searchSyncUrl: undefined });
    process.env.SEED_ON_START = 'no';
    expect(() => stackguide()).toThrow('SEED_ON_START must be true or false (got "no")');
  });

  it("finds search-sync's admin API and the site status at the origins of the webhook and build hook unless set", () => {
    Object.assign(process.env, {
      SEARCH_SYNC_URL: 'http://search-sync:7710/webhooks/strapi',
      SITE_BUILD_HOOK_URL: 'http://site:8080/__hooks/build',
    });
    expect(stackguide()).toMatchObject({ searchSyncAdminUrl: 'http://search-sync:7710', siteStatusUrl: 'http://site:8080' });
    Object.assign(process.env, { SEARCH_SYNC_ADMIN_URL: 'http://10.0.0.5:7710/', SITE_STATUS_URL: 'http://10.0.0.6:4321' });
    expect(stackguide()).toMatchObject({ searchSyncAdminUrl: 'http://10.0.0.5:7710', siteStatusUrl: 'http://10.0.0.6:4321' });
    Object.assign(process.env, { SITE_STATUS_URL: '', SITE_BUILD_HOOK_URL: 'not a url' });
    expect(() => stackguide()).toThrow(
      'SITE_BUILD_HOOK_URL must be an http(s) URL like http://127.0.0.1:4321/__hooks/build (got "not a url")',
    );
  });

  it('uses SQLite at the repository-relative file unless PostgreSQL is asked for', () => {
    expect(database().connection).toMatchObject({ client: 'sqlite', connection: { filename: path.join(REPO_ROOT, '.data/cms.db') } });
    process.env.DATABASE_URL = 'postgres://u:p@db:5432/stackguide';
    expect(database().connection).toMatchObject({
      client: 'postgres',
      connection: { connectionString: 'postgres://u:p@db:5432/stackguide' },
    });
    delete process.env.DATABASE_URL;
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_PORT: '6543' });
    expect((database().connection as PostgresConnection).connection).toMatchObject({ host: '127.0.0.1', port: 6543 });
    process.env.DATABASE_CLIENT = 'mysql';
    expect(() => database()).toThrow('DATABASE_CLIENT must be one of sqlite, postgres (got "mysql")');
  });

  it('serves uploads from STRAPI_PUBLIC_DIR/uploads, creating it, and from cms/public by default', () => {
    expect(server().dirs.public).toBe(path.join(REPO_ROOT, 'cms', 'public'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-public-'));
    try {
      process.env.STRAPI_PUBLIC_DIR = path.join(dir, 'public');
      expect(server().dirs.public).toBe(path.join(dir, 'public'));
      expect(fs.statSync(path.join(dir, 'public', 'uploads')).isDirectory()).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
