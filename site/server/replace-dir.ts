import fs from 'node:fs';
import { removeTree } from './remove-tree.ts';

/**
 * Makes `dir` hold what `write` puts into a fresh sibling directory, swapped in only once `write`
 * succeeded: a failed build leaves the previous contents of `dir` in place, and no build ever
 * writes over files of an older one (builds hard-link unchanged files, so they must start empty).
 * @throws whatever `write` throws, after removing its partial output.
 */
export async function replaceDir<T>(dir: string, write: (fresh: string) => Promise<T>): Promise<T> {
  const fresh = `${dir}.${process.pid}.tmp`;
  const old = `${dir}.${process.pid}.old`;
  await removeTree(fresh);
  let result: T;
  try {
    result = await write(fresh);
  } catch (err) {
    await removeTree(fresh);
    throw err;
  }
  const hadOld = fs.existsSync(dir);
  if (hadOld) fs.renameSync(dir, old);
  fs.renameSync(fresh, dir);
  if (hadOld) await removeTree(old);
  return result;
}
