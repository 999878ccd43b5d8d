import { describe, expect, it } from 'vitest';
import { PendingChanges } from './pending-changes.ts';

const article = (documentId: string) => ({ kind: 'article' as const, documentId });

describe('PendingChanges', () => {
  it('holds each entry once, however often it changed, and a full build once asked for', () => {
    const pending = new PendingChanges().add([article('a'), article('b')]).add([article('a')]);
    expect(pending.request()).toEqual({ changes: [article('a'), article('b')], full: false });
    expect(
      pending
        .add([], true)
        .add([article('c')])
        .request(),
    ).toEqual({ changes: [article('a'), article('b'), article('c')], full: true });
  });

  it('owes everything once a trigger could not say what changed', () => {
    expect(
      new PendingChanges()
        .add([article('a')])
        .add(null)
        .add([article('b')])
        .request(),
    ).toEqual({ changes: null, full: false });
  });

  it('takes back what a failed build carried, beside what arrived meanwhile', () => {
    const failed = new PendingChanges().add([article('a')], true);
    const meanwhile = new PendingChanges().add([article('b')]);
    expect(meanwhile.addAll(failed).request()).toEqual({ changes: [article('b'), article('a')], full: true });
    expect(
      new PendingChanges()
        .add([article('c')])
        .addAll(new PendingChanges().add(null))
        .request().changes,
    ).toBeNull();
  });
});
