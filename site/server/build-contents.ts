import fs from 'node:fs/promises';
import { OutputDir } from './output-files.ts';

/** What a finished build's directory holds, so a later build can bring it up to date instead of linking every file anew. */
export type BuildContents = {
  dir: string;
  compiledHash: string;
  configKey: string;
  /** Output file → key of what it shows (see page-keys.ts). */
  keys: Map<string, string>;
  /** Prepared image files (under IMAGE_URL_DIR). */
  images: Set<string>;
};

/** Only the contents of a build's state: keeping the whole state would keep every older snapshot alive in a chain. */
export function contentsOf({ dir, compiledHash, configKey, keys, images }: BuildContents): BuildContents {
  return { dir, compiledHash, configKey, keys, images };
}

/**
 * Moves the build before the served one to `outDir`, to be brought up to date there: only files
 * whose key changed since that build are written, instead of linking every file of the site into a
 * fresh directory (seconds of file-system work per build on a large site). Null when
 * there is none, or it was made by other code or render config (equal keys would not mean equal
 * bytes), or it is gone.
 */
export async function recycle(
  spare: BuildContents | null,
  compiledHash: string,
  configKey: string,
  outDir: string,
): Promise<BuildContents | null> {
  if (!spare || spare.compiledHash !== compiledHash || spare.configKey !== configKey) return null;
  try {
    await fs.rename(spare.dir, outDir);
    return spare;
  } catch {
    return null;
  }
}

/**
 * A copy of `build` in `dir` (fresh), every file hard-linked, with the same contents: a spare for
 * the next incremental build to recycle when there is no earlier build (after a start).
 */
export async function copyBuild(build: BuildContents, dir: string): Promise<BuildContents> {
  await fs.mkdir(dir, { recursive: true });
  await new OutputDir(dir).linkTree(build.dir);
  return contentsOf({ ...build, dir });
}
