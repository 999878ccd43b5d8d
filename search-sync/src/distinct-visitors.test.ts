import { describe, expect, it } from 'vitest';
import { DistinctVisitors } from './distinct-visitors.ts';

const NOW = Date.UTC(2026, 11, 1, 12);
const DAY = 86_400_000;

describe('DistinctVisitors', () => {
  it('counts each visitor of a query once a day', () => {
    const v = new DistinctVisitors();
    expect(v.add('docker', '203.0.113.1', NOW)).toBe(1);
    expect(v.add('docker', '203.0.113.1', NOW)).toBeNull();
    expect(v.add('docker', '203.0.113.2', NOW)).toBe(2);
    expect(v.add('kubernetes', '203.0.113.1', NOW), 'another query').toBe(1);
  });

  it('starts over when the UTC day changes', () => {
    const v = new DistinctVisitors();
    v.add('docker', '203.0.113.1', NOW);
    v.add('docker', '203.0.113.2', NOW);
    expect(v.add('docker', '203.0.113.1', NOW + DAY)).toBe(1);
  });

  it('stops counting new visitors once the day holds its most pairs: never more, only fewer', () => {
    const v = new DistinctVisitors(2);
    v.add('docker', 'a', NOW);
    v.add('docker', 'b', NOW);
    expect(v.add('docker', 'c', NOW)).toBeNull();
  });
});
