import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRootEnv, readEnvFile, rootEnvFile, withRootEnv } from './env-file.ts';
import { REPO_ROOT } from './repo-root.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-env-'));
  file = path.join(dir, '.env');
  fs.writeFileSync(file, '# comment\nSTRAPI_PORT=1400\nSITE_PORT=5000\nMEILI_URL=\nQUOTED="a b"\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('rootEnvFile', () => {
  it('is .env at the repository root unless STACKGUIDE_ENV_FILE moves it', () => {
    expect(REPO_ROOT).toBe(path.resolve(import.meta.dirname, '..', '..'));
    expect(fs.existsSync(path.join(REPO_ROOT, '.env.example'))).toBe(true);
    expect(rootEnvFile({})).toBe(path.join(REPO_ROOT, '.env'));
    expect(rootEnvFile({ STACKGUIDE_ENV_FILE: '' })).toBe(path.join(REPO_ROOT, '.env'));
    expect(rootEnvFile({ STACKGUIDE_ENV_FILE: '/tmp/x/.env' })).toBe('/tmp/x/.env');
    expect(rootEnvFile({ STACKGUIDE_ENV_FILE: 'custom.env' })).toBe(path.join(REPO_ROOT, 'custom.env'));
  });
});

describe('readEnvFile', () => {
  it('reads assignments, keeping empty values, and nothing from a missing file', () => {
    expect(readEnvFile(file)).toEqual({ STRAPI_PORT: '1400', SITE_PORT: '5000', MEILI_URL: '', QUOTED: 'a b' });
    expect(readEnvFile(path.join(dir, 'missing.env'))).toEqual({});
  });
});

describe('withRootEnv', () => {
  it('puts the real environment over the file, even where the real value is empty', () => {
    const env = withRootEnv({ SITE_PORT: '6000', MEILI_URL: 'http://x:7700', STRAPI_URL: '' }, file);
    expect(env).toMatchObject({ STRAPI_PORT: '1400', SITE_PORT: '6000', MEILI_URL: 'http://x:7700', STRAPI_URL: '' });
  });

  it('finds the file through STACKGUIDE_ENV_FILE in the environment it is given', () => {
    expect(withRootEnv({ STACKGUIDE_ENV_FILE: file }).STRAPI_PORT).toBe('1400');
  });

  it('adds no defaults of its own', () => {
    expect(withRootEnv({}, file).MEILI_PORT).toBeUndefined();
  });
});

describe('loadRootEnv', () => {
  const names = ['STRAPI_PORT', 'SITE_PORT', 'MEILI_URL', 'QUOTED'];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('fills process.env from the file without overriding what is already set', () => {
    for (const name of names) delete process.env[name];
    process.env.SITE_PORT = '6000';
    loadRootEnv(file);
    expect(process.env.STRAPI_PORT).toBe('1400');
    expect(process.env.SITE_PORT).toBe('6000');
    expect(process.env.MEILI_URL).toBe('');
  });
});
