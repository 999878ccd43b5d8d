import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS_DIR } from '../paths.ts';
import { WITHDRAWN } from './withdrawn.ts';

describe('withdrawn results', () => {
  it('names only files that are in bench/results, each with a reason', () => {
    for (const [file, why] of Object.entries(WITHDRAWN)) {
      expect(fs.existsSync(path.join(RESULTS_DIR, file)), `${file} is not in bench/results`).toBe(true);
      expect(why.length).toBeGreaterThan(20);
    }
  });
});
