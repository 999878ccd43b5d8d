import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR } from './paths.ts';

export type Machine = { cpus: number; cpuModel: string; memTotalGiB: number; node: string; loadAvgAtStart: number[]; commit: string };

/** What the figures were measured on; the load average says whether other work ran at the same time. */
export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the figures still stand, only unattributed.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memTotalGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAvgAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    commit,
  };
}

/** Writes bench/results/<name>-<timestamp>.json (written to .tmp first so a crash leaves no half file). */
export function writeResults(name: string, data: Record<string, unknown>): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ name, at: new Date().toISOString(), ...data }, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
