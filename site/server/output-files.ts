import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts `from` at `to` as a hard link (same bytes, no copy; never written through afterwards:
 * builds only ever write new files). Copies instead across file systems. Fails with EEXIST when
 * `to` exists, as a link would.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

const LINKS_IN_FLIGHT = 64;

const exists = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';
let temporaryNames = 0;

/**
 * A build's directory. It is either fresh or a recycled older build being brought up to date
 * (see site-build.ts); in the second case a file may already be there, and it may be a hard link
 * shared with the build being served, so it is replaced by a rename and never written through.
 * Creates each directory once per build, however many files go into it.
 */
export class OutputDir {
  readonly #made = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  async #dirFor(file: string): Promise<string> {
    const target = path.join(this.root, file);
    const dir = path.dirname(target);
    let made = this.#made.get(dir);
    if (!made) {
      made = fs.mkdir(dir, { recursive: true });
      this.#made.set(dir, made);
    }
    await made;
    return target;
  }

  /** Puts a file in place at `target` with `put`, through a temporary name when one is there already. */
  async #place(target: string, put: (to: string, flag: 'wx') => Promise<void>): Promise<void> {
    try {
      await put(target, 'wx');
    } catch (err) {
      if (!exists(err)) throw err;
      const temporary = `${target}.${process.pid}-${++temporaryNames}.tmp`;
      await put(temporary, 'wx');
      await fs.rename(temporary, target);
    }
  }

  async write(file: string, data: Buffer): Promise<void> {
    await this.#place(await this.#dirFor(file), (to, flag) => fs.writeFile(to, data, { flag }));
  }

  async link(from: string, file: string): Promise<void> {
    await this.#place(await this.#dirFor(file), (to) => linkFile(from, to));
  }

  /** Removes `file` and the directories it leaves empty (a static server would list or refuse them). */
  async remove(file: string): Promise<void> {
    await fs.rm(path.join(this.root, file), { force: true });
    for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
      try {
        await fs.rmdir(path.join(this.root, dir));
      } catch {
        return;
      }
      this.#made.delete(path.join(this.root, dir));
    }
  }

  /**
   * Links each `[from, file]`, many at once: an incremental build links thousands of unchanged
   * files, and one at a time they cost seconds.
   */
  async linkAll(links: [from: string, file: string][]): Promise<void> {
    for (let i = 0; i < links.length; i += LINKS_IN_FLIGHT)
      await Promise.all(links.slice(i, i + LINKS_IN_FLIGHT).map(([from, file]) => this.link(from, file)));
  }

  /** Links every file under `dir` into the same relative place. */
  async linkTree(dir: string): Promise<number> {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
    await this.linkAll(files.map((file) => [path.join(dir, file), file]));
    return files.length;
  }
}
