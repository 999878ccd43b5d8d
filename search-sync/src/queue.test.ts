import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncQueue } from './queue.ts';

let dir: string;
let queue: SyncQueue;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-sync-queue-'));
  queue = new SyncQueue(dir);
});
afterEach(() => {
  queue.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SyncQueue', () => {
  it('coalesces repeated events for one document into one row', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }], 1_000);
    queue.enqueue(
      [
        { kind: 'article', documentId: 'a' },
        { kind: 'article', documentId: 'b' },
      ],
      2_000,
    );
    queue.enqueue([{ kind: 'role', documentId: 'a', hint: 'backend' }], 3_000);
    expect(queue.depth()).toBe(3);
    const [a] = queue.due(10, 5_000);
    expect(a).toMatchObject({ kind: 'article', documentId: 'a', version: 2, firstEnqueuedAt: 1_000 });
  });

  it('keeps an item that got a newer event while it was processed', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }]);
    const [item] = queue.due(10);
    queue.enqueue([{ kind: 'article', documentId: 'a' }]);
    queue.complete(item!);
    expect(queue.depth()).toBe(1);
    queue.complete(queue.due(10)[0]!);
    expect(queue.depth()).toBe(0);
  });

  it('hides retried items until their next attempt and counts attempts', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }], 0);
    queue.retry(queue.due(10, 0)[0]!, 'boom', 500, 100);
    expect(queue.due(10, 599)).toEqual([]);
    expect(queue.due(10, 600)[0]).toMatchObject({ attempts: 1, lastError: 'boom' });
  });

  it('moves permanent failures to the dead letters, cleared once the document syncs', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }]);
    queue.deadLetter(queue.due(10)[0]!, 'StrapiError: 403');
    expect(queue.depth()).toBe(0);
    expect(queue.deadLetters()).toMatchObject([{ kind: 'article', documentId: 'a', attempts: 1, error: 'StrapiError: 403' }]);
    queue.enqueue([{ kind: 'article', documentId: 'a' }]);
    queue.complete(queue.due(10)[0]!);
    expect(queue.deadLetters()).toEqual([]);
  });

  it('tracks what was queued before a watermark', () => {
    queue.enqueue([{ kind: 'article', documentId: 'a' }]);
    const mark = queue.watermark();
    queue.enqueue([{ kind: 'article', documentId: 'b' }]);
    expect(queue.pendingUpTo(mark)).toBe(1);
    queue.complete(queue.due(1)[0]!);
    expect(queue.pendingUpTo(mark)).toBe(0);
    expect(queue.depth()).toBe(1);
  });

  it('survives a reopen (WAL on disk)', () => {
    queue.enqueue([{ kind: 'skill', documentId: 's', hint: 'PostgreSQL' }]);
    queue.setMeta('k', { n: 1 });
    queue.close();
    queue = new SyncQueue(dir);
    expect(queue.due(10)).toMatchObject([{ kind: 'skill', documentId: 's', hint: 'PostgreSQL' }]);
    expect(queue.getMeta('k')).toEqual({ n: 1 });
    expect(queue.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
