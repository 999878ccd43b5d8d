import fs from 'node:fs';

type ProcStat = { pid: number; ppid: number; state: string };

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses; the fields after the last ')' are fixed.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, state: rest[0] ?? '?', ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

/** Every live descendant of `root` (Linux /proc), found by following parent PIDs. */
export function descendants(root: number): number[] {
  const stats = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined && stat.state !== 'Z');
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = stats.filter((stat) => frontier.includes(stat.ppid)).map((stat) => stat.pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/** The command line of a process, arguments joined by spaces ('' once it is gone). */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}
