import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './parse-config.ts';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('gives unset and empty variables their default, parsed by the same rule', () => {
    const config = parseConfig(
      { STRAPI_URL: 'required', STRAPI_PORT: 'required', RECONCILE_INTERVAL: 'required', ALLOW_EMPTY_SITE: 'required' },
      { STRAPI_PORT: '' },
    );
    expect(config).toEqual({
      STRAPI_URL: 'http://127.0.0.1:1337',
      STRAPI_PORT: 1337,
      RECONCILE_INTERVAL: 600_000,
      ALLOW_EMPTY_SITE: false,
    });
  });

  it('leaves optional variables without a default undefined when unset or empty', () => {
    const config = parseConfig({ MEILI_URL: 'optional', STRAPI_READ_TOKEN: 'optional' }, { MEILI_URL: '' });
    expect(config).toEqual({ MEILI_URL: undefined, STRAPI_READ_TOKEN: undefined });
  });

  it('returns only the variables asked for', () => {
    expect(parseConfig({ SITE_PORT: 'required' }, { SITE_PORT: '5000', STRAPI_PORT: 'x' })).toEqual({ SITE_PORT: 5000 });
  });

  it('names every missing or malformed variable and what it should look like', () => {
    const problems = problemsOf(() =>
      parseConfig(
        { SITE_PORT: 'required', MEILI_URL: 'optional', WEBHOOK_SECRET: 'required', STRAPI_URL: 'required' },
        { SITE_PORT: 'abc', MEILI_URL: 'localhost:7700', WEBHOOK_SECRET: '' },
      ),
    );
    expect(problems).toEqual([
      'SITE_PORT must be a port number (1-65535) like 4321 (got "abc")',
      'MEILI_URL must be an http(s) URL like http://127.0.0.1:7700 (got "localhost:7700")',
      'WEBHOOK_SECRET is required: a random secret of at least 8 characters (npm start generates one)',
    ]);
  });

  it('never repeats a secret in its message', () => {
    let message = '';
    try {
      parseConfig(
        { MEILI_MASTER_KEY: 'required', BUILD_HOOK_SECRET: 'optional' },
        { MEILI_MASTER_KEY: 'tiny-key', BUILD_HOOK_SECRET: 'short-hook' },
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(
      /^Invalid configuration \(set these in \.env or the environment\):\n {2}MEILI_MASTER_KEY must be .*at least 16 characters/,
    );
    expect(message).toMatch(/BUILD_HOOK_SECRET must be .*at least 16 characters/);
    expect(message).not.toContain('tiny-key');
    expect(message).not.toContain('short-hook');
  });
});
