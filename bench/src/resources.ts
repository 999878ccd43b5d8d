import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Pids of `root` and all its descendants, read from /proc (Linux only). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process exited while we read /proc.
    }
  }
  const tree: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    tree.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** A field of /proc/<pid>/status in KiB (VmHWM = peak RSS, VmRSS = current), 0 when the process is gone. */
export function statusKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system, seconds) a process has used so far, 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state is field 3, utime 14, stime 15 (proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/**
 * Samples a process tree every `intervalMs` until stopped. `peakMiB` is the sum over every pid ever
 * seen of its own peak RSS (VmHWM): an upper bound when children peak at different moments.
 * `cpuSeconds` is the CPU time the tree used, as last sampled per pid: unlike wall time it does not
 * grow when other work shares the cores (a process's last `intervalMs` before it exits is missed).
 */
export function watchPeakRss(root: number, intervalMs = 200): { stop(): { peakMiB: number; pids: number; cpuSeconds: number } } {
  const hwm = new Map<number, number>();
  const cpu = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(root)) {
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKiB(pid, 'VmHWM')));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuSeconds(pid)));
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const kib = [...hwm.values()].reduce((a, b) => a + b, 0);
      const seconds = [...cpu.values()].reduce((a, b) => a + b, 0);
      return { peakMiB: Math.round(kib / 1024), pids: hwm.size, cpuSeconds: Math.round(seconds * 10) / 10 };
    },
  };
}
