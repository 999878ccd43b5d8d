import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@stackguide/runtime';

export { REPO_ROOT };
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
export const CMS_DIR = path.join(REPO_ROOT, 'cms');
export const SITE_DIR = path.join(REPO_ROOT, 'site');
export const BIN_DIR = path.join(REPO_ROOT, 'node_modules', '.bin');
/** Scratch space (git-ignored): cached fixture databases, the plugin CMS, temp run dirs. */
export const WORK_DIR = path.join(BENCH_DIR, '.work');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

/** A fresh directory under WORK_DIR for one run (WORK_DIR itself is created on a fresh checkout). */
export function makeRunDir(prefix: string): string {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  return fs.mkdtempSync(path.join(WORK_DIR, prefix));
}
