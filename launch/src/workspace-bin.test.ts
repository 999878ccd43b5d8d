import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.ts';
import { binIn, resolveBin, spawnBin } from './workspace-bin.ts';

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

  it('refuses a declared bin whose file is not there (an entry renamed without its package.json)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-bin-'));
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@stackguide/renamed', bin: { renamed: './src/old.ts' } }));
      expect(() => binIn(dir, '@stackguide/renamed')).toThrow(
        '@stackguide/renamed declares its bin renamed as ./src/old.ts, which is not in',
      );
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'old.ts'), '');
      expect(binIn(dir, '@stackguide/renamed').file).toBe(path.join(dir, 'src', 'old.ts'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
