import { describe, expect, it } from 'vitest';
import { unsupportedNode, wantedNode } from './node-version.ts';

describe('unsupportedNode', () => {
  it('accepts any release of the wanted major', () => {
    expect(unsupportedNode('v24.11.0', '24.22.3')).toBeUndefined();
    expect(unsupportedNode('24.30.1', '24.22.3')).toBeUndefined();
  });

  it('names the running and the wanted version for another major', () => {
    expect(unsupportedNode('v20.20.2', '24.22.3')).toBe('Node 20.20.2 is running; Stackguide runs on Node 24 (.node-version says 24.22.3)');
    expect(unsupportedNode('v26.1.0', '24.22.3')).toMatch(/Node 26\.1\.0 is running/);
  });

  it('reads the wanted version from the repository', () => {
    expect(wantedNode()).toMatch(/^24\.\d+\.\d+$/);
  });
});
