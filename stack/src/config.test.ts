import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from '@stackguide/contracts/parse-config';
import { VARIABLES } from '@stackguide/contracts/variables';
import { REPO_ROOT } from '@stackguide/runtime';
import { describe, expect, it } from 'vitest';
import { parseStackConfig } from './config.ts';
import { SECRET_GENERATORS } from './secrets.ts';

const secrets = { ADMIN_PASSWORD: 'Secret123', MEILI_MASTER_KEY: 'a-master-key-of-32-characters-xx' };
const example = parseEnv(fs.readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8'));

function messageOf(env: Record<string, string>): string {
  try {
    parseStackConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseStackConfig', () => {
  it('needs only the secrets: every other variable has a default, ports become numbers and empty URLs stay unset', () => {
    const config = parseStackConfig(secrets);
    expect(config.STRAPI_PORT).toBe(1337);
    expect(config.MEILI_URL).toBeUndefined();
    expect(config.MEILI_PUBLIC_URL).toBeUndefined();
    expect(config.EMBEDDER_URL).toBeUndefined();
    // The example is a new .env: it turns semantic search on, which an .env written before it existed does not.
    expect(parseStackConfig({ ...example, ...secrets })).toEqual({ ...config, EMBEDDER_URL: 'http://127.0.0.1:7997' });
  });

  it('names each invalid variable and what it should look like, never repeating a secret', () => {
    const message = messageOf({ ...example, ...secrets, SITE_PORT: 'abc', MEILI_URL: 'localhost:7700', MEILI_MASTER_KEY: 'tiny-key' });
    expect(message).toMatch(/SITE_PORT must be .*port number.*\(got "abc"\)/);
    expect(message).toMatch(/MEILI_URL must be an http\(s\) URL/);
    expect(message).toMatch(/MEILI_MASTER_KEY must be .*at least 16 characters/);
    expect(message).not.toContain('tiny-key');
  });

  it('reads Meilisearch indexing limits as bytes and threads, and names a bad one', () => {
    const config = parseStackConfig({ ...secrets, MEILI_MAX_INDEXING_MEMORY: '1.5GiB', MEILI_MAX_INDEXING_THREADS: '1' });
    expect(config.MEILI_MAX_INDEXING_MEMORY).toBe(1.5 * 2 ** 30);
    expect(config.MEILI_MAX_INDEXING_THREADS).toBe(1);
    const message = messageOf({ ...secrets, MEILI_MAX_INDEXING_MEMORY: 'lots', MEILI_MAX_INDEXING_THREADS: '0' });
    expect(message).toMatch(/MEILI_MAX_INDEXING_MEMORY must be a memory size .*\(got "lots"\)/);
    expect(message).toMatch(/MEILI_MAX_INDEXING_THREADS must be a number of threads/);
  });

  it('rejects a port out of range', () => {
    expect(messageOf({ ...secrets, STRAPI_PORT: '70000' })).toMatch(/STRAPI_PORT/);
  });

  it('treats every generated secret as a secret', () => {
    for (const name of Object.keys(SECRET_GENERATORS)) {
      expect(VARIABLES[name as keyof typeof VARIABLES]?.secret, name).toBe(true);
    }
  });
});
