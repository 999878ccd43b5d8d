import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';
import { REPO_ROOT } from './paths.ts';

const defaults = {
  ...parseEnv(fs.readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8')),
  ADMIN_PASSWORD: 'Secret123',
  MEILI_MASTER_KEY: 'a-master-key-of-32-characters-xx',
};

describe('parseConfig', () => {
  it('accepts the example defaults plus secrets, with ports as numbers and empty URLs unset', () => {
    const config = parseConfig(defaults);
    expect(config.STRAPI_PORT).toBe(1337);
    expect(config.MEILI_URL).toBeUndefined();
    expect(config.MEILI_PUBLIC_URL).toBeUndefined();
  });

  it('names each invalid variable and what it should look like', () => {
    const bad = { ...defaults, SITE_PORT: 'abc', MEILI_URL: 'localhost:7700', MEILI_MASTER_KEY: 'tiny-key' };
    expect(() => parseConfig(bad)).toThrow(ConfigError);
    const message = (() => {
      try {
        parseConfig(bad);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toMatch(/SITE_PORT must be .*port number.*\(got "abc"\)/);
    expect(message).toMatch(/MEILI_URL must be an http\(s\) URL/);
    expect(message).toMatch(/MEILI_MASTER_KEY must be at least 16 characters/);
    expect(message).not.toContain('tiny-key');
  });

  it('rejects a port out of range', () => {
    expect(() => parseConfig({ ...defaults, STRAPI_PORT: '70000' })).toThrow(/STRAPI_PORT/);
  });
});
