import { describe, expect, it } from 'vitest';
import { parseWritten } from './publish-latency.ts';

const line = (o: Record<string, unknown>) => JSON.stringify({ level: 30, time: 1_000, name: 'search-sync', ...o });

describe('parseWritten', () => {
  it("reads search-sync's early write of a publish payload and a queue batch that upserted", () => {
    expect(parseWritten(line({ documentId: 'd', writeMs: 38, msg: 'indexed the published payload ahead of the re-fetch' }))).toEqual({
      time: 1_000,
      early: true,
      queuedMs: 0,
      fetchMs: 0,
      writeMs: 38,
    });
    const stages = { queuedMs: 2, fetchMs: 30, heldMs: 4, writeMs: 40 };
    expect(parseWritten(line({ upserted: 1, unchanged: 0, deleted: 0, stages, msg: 'applied changes to the index' }))).toEqual({
      time: 1_000,
      early: false,
      queuedMs: 2,
      fetchMs: 30,
      writeMs: 40,
    });
  });

  it('skips batches that wrote nothing, other lines and non-JSON output', () => {
    const stages = { queuedMs: 2, fetchMs: 30, heldMs: 4, writeMs: 0 };
    expect(parseWritten(line({ upserted: 0, unchanged: 1, stages, msg: 'applied changes to the index' }))).toBeUndefined();
    expect(parseWritten(line({ msg: 'reconcile done' }))).toBeUndefined();
    expect(parseWritten('search-sync listening on 127.0.0.1:7700')).toBeUndefined();
  });
});
