import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRecording } from './results.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('startRecording', () => {
  it('records the load average of when the run started, not of when it wrote its results', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-results-'));
    dirs.push(dir);
    const load = vi.spyOn(os, 'loadavg').mockReturnValue([0.5, 0.25, 0.125]);
    const recording = startRecording(dir);
    load.mockReturnValue([7.5, 6, 4]);
    const file = recording.write('probe', { figure: 42 });

    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; machine: { loadAvgAtStart: number[] }; figure: number };
    expect(written).toMatchObject({ name: 'probe', figure: 42, machine: { loadAvgAtStart: [0.5, 0.25, 0.13] } });
    expect(path.basename(file)).toMatch(/^probe-.+\.json$/);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });
});
