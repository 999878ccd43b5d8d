import fs from 'node:fs/promises';
import path from 'node:path';
import { removeTree } from './remove-tree.ts';

const PREFIX = 'site-';
/** Symlink to the build being served, for servers outside this process. */
export const CURRENT_LINK = 'current';

/** A build directory: its name under the builds directory and its path. */
export type BuildDir = { name: string; dir: string };

/**
 * The build directories under one parent: a fresh one for each build, the `current` link to the one
 * served, and removal of those no longer kept, leftovers of earlier runs included.
 */
export class BuildDirs {
  readonly #root: string;
  readonly #keep: number;
  /** Builds kept on disk, oldest first: the served one last. */
  #kept: string[] = [];
  /** The build being written, which removal must leave alone. */
  #writing: string | null = null;
  #sequence = 0;

  /** `keep`: successful builds kept on disk, the served one included. */
  constructor(root: string, keep: number) {
    this.#root = root;
    this.#keep = keep;
  }

  /** A fresh directory (not yet existing) for the next build. */
  forBuild(): BuildDir {
    const next = this.#fresh();
    this.#writing = next.name;
    return next;
  }

  /** A fresh directory for a copy of the served build, kept as the build before it would be. */
  forSpare(): BuildDir {
    const next = this.#fresh();
    this.#kept.splice(Math.max(0, this.#kept.length - 1), 0, next.name);
    return next;
  }

  /** Gives up a directory no longer wanted; what cannot be removed now goes with the next clean-up. */
  async drop({ name, dir }: BuildDir): Promise<void> {
    this.#kept = this.#kept.filter((n) => n !== name);
    await removeTree(dir).catch(() => undefined);
  }

  /**
   * Keeps `name` as the served build and points `current` at it, switched atomically (new link, then
   * rename over the old one), so a static server such as nginx in docker-compose can serve it.
   */
  async serve(name: string): Promise<void> {
    const link = path.join(this.#root, CURRENT_LINK);
    const next = `${link}.${this.#sequence}.tmp`;
    await fs.rm(next, { force: true });
    await fs.symlink(name, next);
    await fs.rename(next, link);
    this.#kept.push(name);
  }

  /** Removes build directories other than the last `keep` kept and the one being written. */
  async cleanUp(): Promise<void> {
    const keep = new Set(this.#kept.slice(-this.#keep));
    this.#kept = this.#kept.filter((n) => keep.has(n));
    const entries = await fs.readdir(this.#root);
    for (const name of entries.filter((n) => n.startsWith(PREFIX) && !keep.has(n) && n !== this.#writing))
      await removeTree(path.join(this.#root, name));
  }

  #fresh(): BuildDir {
    const name = `${PREFIX}${Date.now()}-${++this.#sequence}`;
    return { name, dir: path.join(this.#root, name) };
  }
}
