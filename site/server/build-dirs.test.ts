import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildDirs, CURRENT_LINK, type BuildDir } from './build-dirs.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-dirs-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const made = (d: BuildDir) => {
  fs.mkdirSync(d.dir);
  return d;
};
const served = () => path.basename(fs.realpathSync(path.join(root, CURRENT_LINK)));
const onDisk = () => fs.readdirSync(root).filter((n) => n !== CURRENT_LINK);

describe('BuildDirs', () => {
  it('gives each build a fresh directory and points current at the one served', async () => {
    const dirs = new BuildDirs(root, 2);
    const first = made(dirs.forBuild());
    await dirs.serve(first.name);
    const second = made(dirs.forBuild());
    expect(second.name).not.toBe(first.name);
    expect(served()).toBe(first.name);
    await dirs.serve(second.name);
    expect(served()).toBe(second.name);
  });

  it('removes all but the last kept builds, leftovers included, and leaves the build being written', async () => {
    fs.mkdirSync(path.join(root, 'site-1-1'));
    fs.mkdirSync(path.join(root, 'cache'));
    const dirs = new BuildDirs(root, 2);
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const build = made(dirs.forBuild());
      await dirs.serve(build.name);
      names.push(build.name);
    }
    const writing = made(dirs.forBuild());
    await dirs.cleanUp();
    expect(onDisk().sort()).toEqual(['cache', names[1], names[2], writing.name].sort());
  });

  it('keeps a spare as the build before the served one', async () => {
    const dirs = new BuildDirs(root, 2);
    const old = made(dirs.forBuild());
    await dirs.serve(old.name);
    const current = made(dirs.forBuild());
    await dirs.serve(current.name);
    const spare = made(dirs.forSpare());
    await dirs.cleanUp();
    expect(onDisk().sort()).toEqual([current.name, spare.name].sort());
    // Older than the build served before the next one, so that one outlives it.
    const next = made(dirs.forBuild());
    await dirs.serve(next.name);
    await dirs.cleanUp();
    expect(onDisk().sort()).toEqual([current.name, next.name].sort());
  });

  it('removes a dropped spare at once', async () => {
    const dirs = new BuildDirs(root, 2);
    const current = made(dirs.forBuild());
    await dirs.serve(current.name);
    const spare = made(dirs.forSpare());
    await dirs.drop(spare);
    expect(onDisk()).toEqual([current.name]);
    expect(served()).toBe(current.name);
  });
});
