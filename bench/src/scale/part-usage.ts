import fs from 'node:fs';
import path from 'node:path';
import { processTree, statusKiB } from '../resources.ts';
import type { Part } from './stack-run.ts';

export type PartMemory = { rssMiB: number; peakMiB: number };

const mib = (kib: number) => Math.round(kib / 1024);

/**
 * Each part's resident memory now and its peak since it started (VmHWM), summed over its process
 * tree: the peak is an upper bound when children peaked at different moments.
 */
export function memoryByPart(pids: Record<Part, number>): Record<Part, PartMemory> {
  const of = (root: number): PartMemory => {
    const tree = processTree(root);
    const sum = (field: 'VmRSS' | 'VmHWM') => tree.reduce((total, pid) => total + statusKiB(pid, field), 0);
    return { rssMiB: mib(sum('VmRSS')), peakMiB: mib(sum('VmHWM')) };
  };
  return Object.fromEntries(Object.entries(pids).map(([part, pid]) => [part, of(pid)])) as Record<Part, PartMemory>;
}

/** Bytes on disk under `target` (a file or a directory, followed no further than its own tree). */
export function diskBytes(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.blocks * 512;
  return fs.readdirSync(target).reduce((total, name) => total + diskBytes(path.join(target, name)), stat.blocks * 512);
}

/** Where each part keeps its data in a scale system's data directory (the CMS's WAL files included). */
export function diskByPart(dataDir: string): Record<Part, number> {
  const under = (...names: string[]) => names.reduce((total, name) => total + diskBytes(path.join(dataDir, name)), 0);
  return {
    cms: under('cms.db', 'cms.db-wal', 'cms.db-shm'),
    'search-sync': under('search-sync'),
    site: under('site-builds', 'site-cache'),
    meilisearch: under('meilisearch'),
  };
}
