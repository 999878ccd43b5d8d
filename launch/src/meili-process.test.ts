import fs from 'node:fs';
import path from 'node:path';
import { VARIABLES } from '@stackguide/contracts/variables';
import { REPO_ROOT } from '@stackguide/runtime';
import { describe, expect, it } from 'vitest';
import { defaultMeiliIndexing, indexingArgs } from './meili-process.ts';

describe('Meilisearch indexing limits', () => {
  it('pass memory in bytes and threads only when set', () => {
    expect(indexingArgs({ maxIndexingMemory: 268_435_456 })).toEqual(['--max-indexing-memory', '268435456']);
    expect(indexingArgs({ maxIndexingMemory: 1_000_000, maxIndexingThreads: 1 })).toEqual([
      '--max-indexing-memory',
      '1000000',
      '--max-indexing-threads',
      '1',
    ]);
  });

  it('default to the variables’ defaults, so tests and benches index like npm start', () => {
    const memory = VARIABLES.MEILI_MAX_INDEXING_MEMORY;
    expect(defaultMeiliIndexing()).toEqual({ maxIndexingMemory: memory.schema.parse(memory.default) });
  });

  it('are the same in docker-compose.yml', () => {
    const compose = fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    const fallback = (name: string) => new RegExp(`${name}: \\$\\{${name}:-([^}]*)\\}`).exec(compose)?.[1];
    expect(fallback('MEILI_MAX_INDEXING_MEMORY')).toBe(VARIABLES.MEILI_MAX_INDEXING_MEMORY.default);
    expect(fallback('MEILI_MAX_INDEXING_THREADS')).toBe(VARIABLES.MEILI_MAX_INDEXING_THREADS.default ?? '');
  });
});
