import os from 'node:os';
import { rootEnvFile, withRootEnv } from '@stackguide/runtime';
import { describe, expect, it } from 'vitest';
import { childEnv } from './child-env.ts';

describe('childEnv', () => {
  it('keeps the parts it starts off the repository .env', () => {
    const env = childEnv({ STRAPI_URL: 'http://127.0.0.1:1' });
    expect(rootEnvFile(env)).toBe(os.devNull);
    expect(withRootEnv(env)).toEqual({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      STACKGUIDE_ENV_FILE: os.devNull,
      STRAPI_URL: 'http://127.0.0.1:1',
    });
  });

  it('lets a test name its own env file', () => {
    expect(rootEnvFile(childEnv({ STACKGUIDE_ENV_FILE: '/tmp/x/.env' }))).toBe('/tmp/x/.env');
  });
});
