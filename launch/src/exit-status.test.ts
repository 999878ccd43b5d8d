import { describe, expect, it } from 'vitest';
import { describeExit, killedBySignal } from './exit-status.ts';

describe('describeExit', () => {
  it('tells an exit code from a signal', () => {
    expect(describeExit(1)).toBe('exited with code 1');
    expect(describeExit(0)).toBe('exited with code 0');
    expect(describeExit('SIGKILL')).toBe('was killed by SIGKILL');
    expect(describeExit('spawn-error')).toBe('could not be started');
  });

  it('counts only signals as signals', () => {
    expect(killedBySignal('SIGTERM')).toBe(true);
    expect(killedBySignal(137)).toBe(false);
    expect(killedBySignal('spawn-error')).toBe(false);
  });
});
