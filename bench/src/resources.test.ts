import { describe, expect, it } from 'vitest';
import { cpuSeconds, watchPeakRss } from './resources.ts';

/** Keeps this process busy for `ms` of wall time; returns the CPU seconds Node itself counted meanwhile. */
function burn(ms: number): number {
  const from = process.cpuUsage();
  const until = performance.now() + ms;
  while (performance.now() < until);
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1e6;
}

describe('cpuSeconds', () => {
  it("agrees with Node's own CPU count for this process, and is 0 for a process that is gone", () => {
    const before = cpuSeconds(process.pid);
    const used = burn(300);
    // /proc counts in clock ticks (10 ms) and includes this process's other threads.
    expect(cpuSeconds(process.pid) - before).toBeGreaterThan(used - 0.05);
    expect(cpuSeconds(2 ** 22 + 1)).toBe(0);
  });
});

describe('watchPeakRss', () => {
  it('reports the CPU time and peak RSS of the watched tree', () => {
    const before = cpuSeconds(process.pid);
    const watch = watchPeakRss(process.pid, 10_000);
    const used = burn(300);
    const { cpuSeconds: cpu, peakMiB } = watch.stop();
    expect(cpu).toBeGreaterThan(before + used - 0.05);
    expect(peakMiB).toBeGreaterThan(10);
  });
});
