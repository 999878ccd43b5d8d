import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.ts';
import { resolveBin, spawnBin } from './workspace-bin.ts';

describe('resolveBin', () => {
  it("finds the entry a workspace declares in its package.json's bin", () => {
    expect(resolveBin('@stackguide/search-sync')).toEqual({
      dir: path.join(REPO_ROOT, 'search-sync'),
      file: path.join(REPO_ROOT, 'search-sync', 'src', 'cli.ts'),
    });
    expect(resolveBin('@stackguide/site').file).toBe(path.join(REPO_ROOT, 'site', 'server', 'serve.ts'));
  });

  it('names what is missing', () => {
    expect(() => resolveBin('@stackguide/search-sync', 'nope')).toThrow(
      '@stackguide/search-sync declares the bins search-sync, not "nope"',
    );
    expect(() => resolveBin('@stackguide/runtime')).toThrow('@stackguide/runtime declares no bin');
    expect(() => resolveBin('@stackguide/no-such-package')).toThrow('package @stackguide/no-such-package is not installed');
  });
});

describe('spawnBin', () => {
  it('runs the bin as one Node process in the workspace and passes the arguments', async () => {
    const lines: string[] = [];
    const child = spawnBin('@stackguide/search-sync', ['help'], { env: { PATH: process.env.PATH }, onLine: (line) => lines.push(line) });
    expect(await child.exited).toBe(0);
    expect(lines.join('\n')).toContain('Usage: search-sync <command>');
  });
});
