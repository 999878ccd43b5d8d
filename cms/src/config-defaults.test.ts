import path from 'node:path';
import { REPO_ROOT, VARIABLES, type VariableName } from '@stackguide/runtime';
import { env } from '@strapi/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import database from '../config/database';
import logger from '../config/logger';
import server from '../config/server';
import stackguide from '../config/stackguide';

// Strapi runs the cms as compiled CommonJS without tsx, so cms/config cannot import runtime's
// variable rules; this keeps its own defaults equal to them.
const NAMES = [...Object.keys(VARIABLES), 'STACKGUIDE_ONE_OFF_JOB'];
const saved = new Map(NAMES.map((name) => [name, process.env[name]]));
const defaultOf = (name: VariableName): string | undefined => VARIABLES[name].default;

beforeEach(() => {
  for (const name of NAMES) delete process.env[name];
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

type PostgresConnection = { connection: { host: string; port: number; database: string; user: string; ssl: unknown } };

describe('cms config defaults', () => {
  it('match the variable rules when nothing is set', () => {
    expect(stackguide({ env })).toEqual({
      adminEmail: defaultOf('ADMIN_EMAIL'),
      adminPassword: undefined,
      readToken: undefined,
      searchSyncUrl: undefined,
      webhookSecret: undefined,
      searchSyncAdminUrl: undefined,
      searchSyncAdminSecret: undefined,
      siteStatusUrl: undefined,
      buildHookSecret: undefined,
      previewSecret: undefined,
      previewReadToken: undefined,
      previewUrl: defaultOf('SITE_URL'),
      seedOnStart: defaultOf('SEED_ON_START') === 'true',
      oneOffJob: false,
    });
    expect(server({ env })).toMatchObject({ host: defaultOf('STRAPI_HOST'), port: Number(defaultOf('STRAPI_PORT')) });
    expect(logger({ env })).toEqual({ level: defaultOf('STRAPI_LOG_LEVEL') });
    expect(database({ env }).connection).toMatchObject({
      client: 'sqlite',
      connection: { filename: path.resolve(REPO_ROOT, defaultOf('DATABASE_FILENAME') ?? '') },
    });
    process.env.DATABASE_CLIENT = 'postgres';
    expect((database({ env }).connection as PostgresConnection).connection).toMatchObject({
      host: defaultOf('DATABASE_HOST'),
      port: Number(defaultOf('DATABASE_PORT')),
      database: defaultOf('DATABASE_NAME'),
      user: defaultOf('DATABASE_USERNAME'),
      ssl: defaultOf('DATABASE_SSL') === 'true',
    });
  });

  it('send editors to the preview at PREVIEW_URL, else at SITE_URL', () => {
    process.env.SITE_URL = 'https://stackguide.example/';
    expect(stackguide({ env }).previewUrl).toBe('https://stackguide.example');
    process.env.PREVIEW_URL = 'https://preview.stackguide.example';
    expect(stackguide({ env }).previewUrl).toBe('https://preview.stackguide.example');
  });

  it('read empty as unset and refuse a flag that is not true or false', () => {
    Object.assign(process.env, { ADMIN_EMAIL: '', SEED_ON_START: '', SEARCH_SYNC_URL: '' });
    expect(stackguide({ env })).toMatchObject({ adminEmail: defaultOf('ADMIN_EMAIL'), seedOnStart: true, searchSyncUrl: undefined });
    process.env.SEED_ON_START = 'no';
    expect(() => stackguide({ env })).toThrow('SEED_ON_START must be true or false (got "no")');
  });

  it("find search-sync's admin API and the site status at the origins of the webhook and build hook unless set", () => {
    Object.assign(process.env, {
      SEARCH_SYNC_URL: 'http://search-sync:7710/webhooks/strapi',
      SITE_BUILD_HOOK_URL: 'http://site:8080/__hooks/build',
    });
    expect(stackguide({ env })).toMatchObject({ searchSyncAdminUrl: 'http://search-sync:7710', siteStatusUrl: 'http://site:8080' });
    Object.assign(process.env, { SEARCH_SYNC_ADMIN_URL: 'http://10.0.0.5:7710/', SITE_STATUS_URL: 'http://10.0.0.6:4321' });
    expect(stackguide({ env })).toMatchObject({ searchSyncAdminUrl: 'http://10.0.0.5:7710', siteStatusUrl: 'http://10.0.0.6:4321' });
    Object.assign(process.env, { SITE_STATUS_URL: '', SITE_BUILD_HOOK_URL: 'not a url' });
    expect(() => stackguide({ env })).toThrow('SITE_BUILD_HOOK_URL must be an http(s) URL (got "not a url")');
  });
});
