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

/**
 * Samples a process tree every `intervalMs` until stopped. `peakMiB` is the sum over every pid ever
 * seen of its own peak RSS (VmHWM): an upper bound when children peak at different moments.
 */
export function watchPeakRss(root: number, intervalMs = 200): { stop(): { peakMiB: number; pids: number } } {
  const hwm = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(root)) hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKiB(pid, 'VmHWM')));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const kib = [...hwm.values()].reduce((a, b) => a + b, 0);
      return { peakMiB: Math.round(kib / 1024), pids: hwm.size };
    },
  };
}
