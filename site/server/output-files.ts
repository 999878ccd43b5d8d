import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts `from` at `to` as a hard link (same bytes, no copy; never written through afterwards:
 * builds only ever write new files). Copies instead across file systems.
 */
export async function linkFile(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await fs.copyFile(from, to);
  }
}

const LINKS_IN_FLIGHT = 64;

/** Creates each directory once per build, however many files go into it. */
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

  async write(file: string, data: Buffer): Promise<void> {
    await fs.writeFile(await this.#dirFor(file), data);
  }

  async link(from: string, file: string): Promise<void> {
    await linkFile(from, await this.#dirFor(file));
  }

  /**
   * Links each `[from, file]`, many at once: an incremental build links thousands of unchanged
   * files, and one at a time they cost seconds.
   */
  async linkAll(links: [from: string, file: string][]): Promise<void> {
    for (let i = 0; i < links.length; i += LINKS_IN_FLIGHT) await Promise.all(links.slice(i, i + LINKS_IN_FLIGHT).map(([from, file]) => this.link(from, file)));
  }

  /** Links every file under `dir` into the same relative place. */
  async linkTree(dir: string): Promise<number> {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
    await this.linkAll(files.map((file) => [path.join(dir, file), file]));
    return files.length;
  }
}
