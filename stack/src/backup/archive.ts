import fs from 'node:fs';
import * as tar from 'tar';
import { listFiles } from './manifest.ts';

/**
 * Packs every file under `dir` into a zstd-compressed tar at `file`, written beside it first and
 * renamed once complete, so a failed or interrupted backup never leaves an archive that looks whole.
 * `onFile` is called for each file packed.
 */
export async function packArchive(dir: string, file: string, onFile?: (path: string) => void): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await tar.create(
      { file: partial, cwd: dir, zstd: true, portable: true, onWriteEntry: (entry) => onFile?.(entry.path) },
      listFiles(dir),
    );
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Unpacks an archive into `dir` (zstd or gzip is recognised from the file), refusing entries that are
 * not plain files or folders or that would land outside `dir`.
 * @throws Error naming the archive when it cannot be read.
 */
export async function unpackArchive(file: string, dir: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  try {
    await tar.extract({
      file,
      cwd: dir,
      strict: true,
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    });
  } catch (err) {
    throw new Error(`${file} is not a readable backup archive: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
