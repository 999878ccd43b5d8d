import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputDir } from './output-files.ts';

describe('OutputDir on a recycled build', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-dir-'));
    made.push(dir);
    return dir;
  };

  it('replaces a file hard-linked with the served build instead of writing through it', async () => {
    const served = tmp();
    const recycled = tmp();
    fs.mkdirSync(path.join(served, 'articles/a'), { recursive: true });
    fs.writeFileSync(path.join(served, 'articles/a/index.html'), 'served');
    fs.mkdirSync(path.join(recycled, 'articles/a'), { recursive: true });
    fs.linkSync(path.join(served, 'articles/a/index.html'), path.join(recycled, 'articles/a/index.html'));
    const out = new OutputDir(recycled);
    await out.write('articles/a/index.html', Buffer.from('new'));
    expect(fs.readFileSync(path.join(recycled, 'articles/a/index.html'), 'utf8')).toBe('new');
    expect(fs.readFileSync(path.join(served, 'articles/a/index.html'), 'utf8')).toBe('served');
    fs.writeFileSync(path.join(served, 'other.html'), 'other');
    await out.link(path.join(served, 'other.html'), 'articles/a/index.html');
    expect(fs.readFileSync(path.join(recycled, 'articles/a/index.html'), 'utf8')).toBe('other');
    expect(fs.readdirSync(path.join(recycled, 'articles/a'))).toEqual(['index.html']);
  });

  it('removes a file and the directories it leaves empty, and no more', async () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'articles/gone'), { recursive: true });
    fs.mkdirSync(path.join(root, 'articles/kept'), { recursive: true });
    fs.writeFileSync(path.join(root, 'articles/gone/index.html'), 'x');
    fs.writeFileSync(path.join(root, 'articles/kept/index.html'), 'y');
    const out = new OutputDir(root);
    await out.remove('articles/gone/index.html');
    expect(fs.readdirSync(path.join(root, 'articles'))).toEqual(['kept']);
    await out.remove('articles/kept/index.html');
    expect(fs.readdirSync(root)).toEqual([]);
    await out.write('articles/kept/index.html', Buffer.from('again'));
    expect(fs.readFileSync(path.join(root, 'articles/kept/index.html'), 'utf8')).toBe('again');
  });
});
