import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackArchive } from './archive.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('unpackArchive', () => {
  it('extracts files but no link, so an archive cannot point a restore at files elsewhere', async () => {
    const src = tempDir();
    fs.writeFileSync(path.join(src, 'cms.db'), 'database');
    fs.symlinkSync('/etc/hostname', path.join(src, 'uploads'));
    const archive = path.join(tempDir(), 'backup.tar.zst');
    await tar.create({ file: archive, cwd: src, zstd: true, portable: true }, ['cms.db', 'uploads']);

    const out = tempDir();
    await unpackArchive(archive, out);
    expect(fs.readFileSync(path.join(out, 'cms.db'), 'utf8')).toBe('database');
    expect(fs.existsSync(path.join(out, 'uploads'))).toBe(false);
  });

  it('writes nothing outside the folder it unpacks into', async () => {
    const root = tempDir();
    const src = path.join(root, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(root, 'escape.txt'), 'outside');
    const archive = path.join(tempDir(), 'backup.tar.zst');
    await tar.create({ file: archive, cwd: src, zstd: true, preservePaths: true }, ['../escape.txt']);

    const parent = tempDir();
    const out = path.join(parent, 'restore');
    fs.mkdirSync(out);
    await unpackArchive(archive, out).catch(() => undefined);
    expect(fs.readdirSync(parent)).toEqual(['restore']);
  });
});
