import { REPO_ROOT } from '@stackguide/runtime';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataPath, stackPaths } from './stack-paths.ts';

describe('stackPaths', () => {
  it('defaults to .env and .data in the repo root', () => {
    const paths = stackPaths({});
    expect(paths.envFile).toBe(path.join(REPO_ROOT, '.env'));
    expect(paths.logsDir).toBe(path.join(REPO_ROOT, '.data', 'logs'));
  });

  it('moves .data paths along with STACKGUIDE_DATA_DIR, leaving others relative to the root', () => {
    const paths = stackPaths({ STACKGUIDE_DATA_DIR: '/tmp/x', STACKGUIDE_ENV_FILE: '/tmp/x/.env' });
    expect(paths.envFile).toBe('/tmp/x/.env');
    expect(resolveDataPath('.data/cms.db', paths)).toBe('/tmp/x/cms.db');
    expect(resolveDataPath('db/cms.db', paths)).toBe(path.join(REPO_ROOT, 'db', 'cms.db'));
    expect(resolveDataPath('/abs/cms.db', paths)).toBe('/abs/cms.db');
  });
});
