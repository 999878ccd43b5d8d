import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('listens on loopback with two threads unless told otherwise', () => {
    expect(loadConfig({ EMBEDDER_API_KEY: 'a-key-of-16-chars!' })).toEqual({
      host: '127.0.0.1',
      port: 7997,
      apiKey: 'a-key-of-16-chars!',
      threads: 2,
      logLevel: 'info',
    });
  });

  it('names the variable that is missing or malformed, never echoing the key', () => {
    expect(() => loadConfig({})).toThrow(/EMBEDDER_API_KEY is required: a random secret of at least 16 characters/);
    expect(() => loadConfig({ EMBEDDER_API_KEY: 'short' })).toThrow(/EMBEDDER_API_KEY must be a random secret/);
    expect(() => loadConfig({ EMBEDDER_API_KEY: 'short' })).not.toThrow(/short/);
    expect(() => loadConfig({ EMBEDDER_API_KEY: 'a-key-of-16-chars!', EMBEDDER_THREADS: '0' })).toThrow(
      /EMBEDDER_THREADS must be a number/,
    );
  });
});
