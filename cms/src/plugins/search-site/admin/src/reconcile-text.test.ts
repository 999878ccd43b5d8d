import { describe, expect, it } from 'vitest';
import type { ReconcileResult } from '../../shared/contracts';
import { reconcileText } from './reconcile-text';

const NOW = Date.parse('2026-03-02T10:41:10.000Z');
const result = (counts: Partial<ReconcileResult>): ReconcileResult => ({
  startedAt: '2026-03-02T10:41:00.000Z',
  finishedAt: '2026-03-02T10:41:05.000Z',
  published: 54,
  indexed: 54,
  missing: 0,
  stale: 0,
  orphans: 0,
  watermark: 0,
  ...counts,
});

describe('last reconcile line', () => {
  it('says the index is in step when nothing needed repair', () => {
    expect(reconcileText(result({}), NOW)).toBe('5 s ago: in step, 54 published documents all indexed');
  });

  it('calls filling an empty index what it is, not a repair', () => {
    expect(reconcileText(result({ indexed: 0, missing: 54 }), NOW)).toBe('5 s ago: filled the empty index with 54 published documents');
  });

  it('names only what a repair fixed', () => {
    expect(reconcileText(result({ indexed: 53, missing: 2, orphans: 1 }), NOW)).toBe(
      '5 s ago: 54 published documents, 53 indexed; repaired 2 missing, 1 no longer published',
    );
    expect(reconcileText(result({ published: 1, indexed: 1, stale: 1 }), NOW)).toBe(
      '5 s ago: 1 published document, 1 indexed; repaired 1 stale',
    );
  });
});
