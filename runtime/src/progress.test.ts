import { describe, expect, it } from 'vitest';
import { type ProgressStream, progressBar, progressLine, stepLog } from './progress.ts';

const state = (done: number, total: number, elapsedMs: number) => ({ label: 'reindex', done, total, elapsedMs, unit: 'docs' });

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('progressLine', () => {
  it('shows a bar, done/total, rate and ETA on a terminal', () => {
    expect(progressLine(state(100, 400, 10_000), true)).toBe(`reindex [${'#'.repeat(7)}${'-'.repeat(21)}] 100/400 10 docs/s ETA 30s`);
  });

  it('drops the bar in plain lines, with an unknown ETA before any progress and the detail last', () => {
    expect(progressLine(state(0, 400, 0), false)).toBe('reindex 0/400 0.0 docs/s ETA ?');
    expect(progressLine({ ...state(200, 2200, 40_000), detail: 'loading' }, false)).toBe('reindex 200/2200 5.0 docs/s ETA 6m40s (loading)');
  });
});

describe('progressBar', () => {
  it('redraws one line in place on a terminal and ends it', () => {
    const stream = fakeStream(true);
    let clock = 0;
    const bar = progressBar('generate: articles', 3, { stream, now: () => clock });
    clock = 1_000;
    bar.tick();
    bar.tick(2, 'last');
    bar.end();
    expect(stream.text.split('\r\x1b[2K')).toHaveLength(3);
    expect(stream.text).toMatch(/generate: articles \[#{28}\] 3\/3 3\.0 items\/s ETA 0s \(last\)\n$/);
  });

  it('prints plain lines: the first, then at most one per interval, then the last', () => {
    const stream = fakeStream(false);
    let clock = 0;
    const bar = progressBar('seed: skills', 10, { stream, now: () => clock, everyMs: 1_000, unit: 'skills' });
    for (let i = 1; i <= 10; i++) {
      clock = i * 300;
      bar.update(i, `skill-${i}`);
    }
    bar.end();
    const lines = stream.text.trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[2])).toEqual(['1/10', '5/10', '9/10', '10/10']);
    expect(lines.at(-1)).toBe('seed: skills 10/10 3.3 skills/s ETA 0s (skill-10)');
  });

  it('takes a total learnt on the way', () => {
    const stream = fakeStream(false);
    const bar = progressBar('reindex', 0, { stream, now: () => 0 });
    bar.update(0, 'loading');
    bar.setTotal(200);
    bar.update(200, 'done');
    expect(
      stream.text
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ')[1]),
    ).toEqual(['0/0', '200/200']);
  });

  it('shows a job that stopped short of its total when it ends', () => {
    const stream = fakeStream(false);
    let clock = 0;
    const bar = progressBar('generate: removing', 100, { stream, now: () => clock });
    bar.tick(10);
    clock = 500;
    bar.tick(10);
    bar.end();
    expect(
      stream.text
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ')[2]),
    ).toEqual(['10/100', '20/100']);
  });
});

describe('stepLog', () => {
  it('prefixes each step with the job name and the seconds since it started', () => {
    const stream = fakeStream(false);
    const log = stepLog('drill sync-kill', stream);
    log('killed search-sync');
    expect(stream.text).toMatch(/^\[drill sync-kill \+0\.\ds\] killed search-sync\n$/);
  });
});
