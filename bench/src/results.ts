import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR } from './paths.ts';

export type Machine = { cpus: number; cpuModel: string; memTotalGiB: number; node: string; loadAvgAtStart: number[]; commit: string };

/** What the figures were measured on; the load average says whether other work ran at the same time. */
function machine(): Machine {
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

/** One bench or drill run, from its start to its results file. */
export type Recording = {
  /** The machine as it was when the run started. */
  readonly machine: Machine;
  /** Writes `<dir>/<name>-<timestamp>.json` with the machine and `data`; returns its path. */
  write(name: string, data: Record<string, unknown>): string;
};

/**
 * Starts recording a run: call it before the run boots anything, so `loadAvgAtStart` shows the
 * load other work put on the machine rather than the load of the run's own servers.
 */
export function startRecording(dir = RESULTS_DIR): Recording {
  const atStart = machine();
  return {
    machine: atStart,
    write(name, data) {
      fs.mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${name}-${stamp}.json`);
      // Written to .tmp first so a crash leaves no half file.
      fs.writeFileSync(`${file}.tmp`, `${JSON.stringify({ name, at: new Date().toISOString(), machine: atStart, ...data }, null, 2)}\n`);
      fs.renameSync(`${file}.tmp`, file);
      return file;
    },
  };
}
