import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@stackguide/runtime';

/**
 * Why this Node cannot run the system, or undefined when it can. Native addons (better-sqlite3)
 * are compiled for one Node major: on another one they fail to load or crash the process, far
 * from the cause, so `npm start` says it first.
 */
export function unsupportedNode(running: string, wanted: string): string | undefined {
  const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);
  if (major(running) === major(wanted)) return undefined;
  return `Node ${running.replace(/^v/, '')} is running; Stackguide runs on Node ${major(wanted)} (.node-version says ${wanted})`;
}

/** The Node version the repository supports, from `.node-version`. */
export function wantedNode(root: string = REPO_ROOT): string {
  return fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim();
}
