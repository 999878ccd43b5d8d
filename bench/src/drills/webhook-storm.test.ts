import { describe, expect, it } from 'vitest';
import { stormEvents } from './webhook-storm.ts';

describe('stormEvents', () => {
  const events = stormEvents(['a', 'b', 'c'], 1_000);

  it('mixes publishes, out-of-order unpublish/delete, entry: null and ignored models', () => {
    const count = (pred: (e: Record<string, unknown>) => boolean) => events.filter(pred).length;
    expect(events).toHaveLength(1_000);
    expect(count((e) => e.entry === null)).toBe(125);
    expect(count((e) => e.model === 'user')).toBe(125);
    expect(count((e) => e.event === 'entry.unpublish' || e.event === 'entry.delete')).toBe(250);
  });

  it('repeats documents (duplicates) and only uses the ids it was given', () => {
    const ids = events.map((e) => (e.entry as { documentId?: string } | null)?.documentId).filter((id) => id !== undefined);
    expect(new Set(ids)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('is deterministic for a seed', () => {
    expect(stormEvents(['a', 'b'], 10, 3).map((e) => e.entry)).toEqual(stormEvents(['a', 'b'], 10, 3).map((e) => e.entry));
  });
});
