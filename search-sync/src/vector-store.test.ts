import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textHash, VectorStore } from './vector-store.ts';

let dir = '';
let store: VectorStore | undefined;
afterEach(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vectors-'));
  store = new VectorStore(dir);
  return store;
};

describe('textHash', () => {
  it('is the same for the same text and differs for another', () => {
    expect(textHash('Backend developer. Builds APIs.')).toBe(textHash('Backend developer. Builds APIs.'));
    expect(textHash('Backend developer. Builds APIs.')).not.toBe(textHash('Backend developer. Builds APIs!'));
  });
});

describe('VectorStore', () => {
  it('gives back stored vectors as 32-bit floats, and nothing for unknown texts', () => {
    const vectors = open();
    vectors.put([[textHash('a'), [0.5, -0.25, 1 / 3]]]);
    const found = vectors.get([textHash('a'), textHash('b')]);
    expect([...found.keys()]).toEqual([textHash('a')]);
    expect(found.get(textHash('a'))).toEqual([0.5, -0.25, Math.fround(1 / 3)]);
  });

  it('keeps its vectors across a restart', () => {
    open().put([[textHash('a'), [1, 2]]]);
    store!.close();
    store = new VectorStore(dir);
    expect(store.get([textHash('a')]).get(textHash('a'))).toEqual([1, 2]);
  });

  it('prunes only the vectors not used since a time', () => {
    const vectors = open();
    vectors.put(
      [
        [textHash('old'), [1]],
        [textHash('kept'), [2]],
      ],
      1_000,
    );
    vectors.get([textHash('kept')], 5_000);
    expect(vectors.prune(2_000)).toBe(1);
    expect([...vectors.get([textHash('old'), textHash('kept')]).keys()]).toEqual([textHash('kept')]);
  });

  it('remembers which documents are owed a vector until they are paid', () => {
    const vectors = open();
    vectors.setOwed(['doc2', 'doc1', 'doc2'], true);
    expect(vectors.owed()).toEqual(['doc1', 'doc2']);
    vectors.setOwed(['doc1'], false);
    expect(vectors.owed()).toEqual(['doc2']);
  });
});
