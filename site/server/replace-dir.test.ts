import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceDir } from './replace-dir.ts';

let base: string;
let dir: string;
beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'replace-dir-'));
  dir = path.join(base, 'dist');
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

const write = (file: string, text: string) => async (fresh: string) => {
  fs.mkdirSync(fresh, { recursive: true });
  fs.writeFileSync(path.join(fresh, file), text);
  return file;
};

describe('replaceDir', () => {
  it('fills a missing directory, then replaces its whole contents on the next build', async () => {
    expect(await replaceDir(dir, write('old.html', 'old'))).toBe('old.html');
    expect(fs.readdirSync(dir)).toEqual(['old.html']);
    await replaceDir(dir, write('new.html', 'new'));
    expect(fs.readdirSync(dir)).toEqual(['new.html']);
    expect(fs.readdirSync(base)).toEqual(['dist']);
  });

  it('leaves the previous contents in place and no leftovers when the build fails', async () => {
    await replaceDir(dir, write('index.html', 'served'));
    const failing = async (fresh: string) => {
      await write('half.html', 'half')(fresh);
      throw new Error('render failed');
    };
    await expect(replaceDir(dir, failing)).rejects.toThrow('render failed');
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('served');
    expect(fs.readdirSync(base)).toEqual(['dist']);
  });
});
