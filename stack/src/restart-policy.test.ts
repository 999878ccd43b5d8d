import { describe, expect, it } from 'vitest';
import { CrashHistory, RESTART_POLICY } from './restart-policy.ts';

describe('CrashHistory', () => {
  it('restarts with a doubling delay and gives up at the fifth crash in a row', () => {
    const history = new CrashHistory();
    const verdicts = [0, 1_000, 5_000, 0, 2_000].map((upMs) => history.crashed(upMs));
    expect(verdicts.map((v) => v.delayMs).slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(verdicts.map((v) => v.giveUp)).toEqual([false, false, false, false, true]);
    expect(verdicts[4]?.crashes).toBe(RESTART_POLICY.maxCrashes);
  });

  it('starts counting again after the part stayed up for a minute', () => {
    const history = new CrashHistory();
    for (let i = 0; i < 4; i++) history.crashed(0);
    const verdict = history.crashed(RESTART_POLICY.stableMs);
    expect(verdict).toEqual({ crashes: 1, giveUp: false, delayMs: 1_000 });
  });

  it('caps the delay', () => {
    const history = new CrashHistory({ maxCrashes: 100, stableMs: 60_000, firstDelayMs: 1_000, maxDelayMs: 30_000 });
    let last = 0;
    for (let i = 0; i < 10; i++) last = history.crashed(0).delayMs;
    expect(last).toBe(30_000);
  });
});
