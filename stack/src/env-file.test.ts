import { REPO_ROOT } from '@stackguide/runtime';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureEnvFile, type EnvFiles } from './env-file.ts';
import { isStrongAdminPassword, SECRET_GENERATORS } from './secrets.ts';

let dir: string;
let files: EnvFiles;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-env-'));
  files = { envFile: path.join(dir, '.env'), exampleFile: path.join(dir, '.env.example') };
  fs.copyFileSync(path.join(REPO_ROOT, '.env.example'), files.exampleFile);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = () => parseEnv(fs.readFileSync(files.envFile, 'utf8'));

describe('ensureEnvFile', () => {
  it('creates the file from the example with every secret filled and mode 0600', () => {
    expect(ensureEnvFile(files)).toEqual({ created: true, added: [] });
    const env = read();
    for (const name of Object.keys(SECRET_GENERATORS)) expect(env[name], name).toBeTruthy();
    expect(env.STRAPI_PORT).toBe('1337');
    expect(env.MEILI_URL).toBe('');
    expect(fs.statSync(files.envFile).mode & 0o777).toBe(0o600);
  });

  it('generates secrets of the required shape, different on every run', () => {
    ensureEnvFile(files);
    const first = read();
    expect(first.APP_KEYS?.split(',')).toHaveLength(4);
    expect(first.MEILI_MASTER_KEY).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(first.STRAPI_READ_TOKEN).toMatch(/^[0-9a-f]{64,}$/);
    expect(isStrongAdminPassword(first.ADMIN_PASSWORD ?? '')).toBe(true);
    fs.rmSync(files.envFile);
    ensureEnvFile(files);
    expect(read().MEILI_MASTER_KEY).not.toBe(first.MEILI_MASTER_KEY);
  });

  it('never overwrites an existing file', () => {
    ensureEnvFile(files);
    fs.appendFileSync(files.envFile, 'STRAPI_PORT=1400\n');
    const before = fs.readFileSync(files.envFile, 'utf8');
    expect(ensureEnvFile(files)).toEqual({ created: false, added: [] });
    expect(fs.readFileSync(files.envFile, 'utf8')).toBe(before);
  });

  it('appends a missing secret and fills an empty one, keeping everything else', () => {
    fs.writeFileSync(files.envFile, '# mine\nSTRAPI_PORT=1400\nWEBHOOK_SECRET=keep-me\nADMIN_PASSWORD=\n', { mode: 0o600 });
    for (const name of Object.keys(SECRET_GENERATORS)) {
      if (name !== 'WEBHOOK_SECRET' && name !== 'ADMIN_PASSWORD') fs.appendFileSync(files.envFile, `${name}=set\n`);
    }
    fs.writeFileSync(files.envFile, fs.readFileSync(files.envFile, 'utf8').replace('BUILD_HOOK_SECRET=set\n', ''));
    const result = ensureEnvFile(files);
    expect(result.added.sort()).toEqual(['ADMIN_PASSWORD', 'BUILD_HOOK_SECRET']);
    const text = fs.readFileSync(files.envFile, 'utf8');
    expect(text.startsWith('# mine\nSTRAPI_PORT=1400\nWEBHOOK_SECRET=keep-me\n')).toBe(true);
    expect(text.match(/^ADMIN_PASSWORD=/gm)).toHaveLength(1);
    const env = read();
    expect(env.WEBHOOK_SECRET).toBe('keep-me');
    expect(env.BUILD_HOOK_SECRET).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(isStrongAdminPassword(env.ADMIN_PASSWORD ?? '')).toBe(true);
    expect(fs.statSync(files.envFile).mode & 0o777).toBe(0o600);
  });
});
