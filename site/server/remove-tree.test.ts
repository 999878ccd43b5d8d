import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTree } from './remove-tree.ts';

describe('removeTree', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('removes a nested tree with hard-linked files and leaves their other links intact', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remove-tree-'));
    made.push(root);
    const kept = path.join(root, 'kept.html');
    fs.writeFileSync(kept, 'page');
    const tree = path.join(root, 'site-1', 'articles', 'a b');
    fs.mkdirSync(tree, { recursive: true });
    fs.linkSync(kept, path.join(tree, 'index.html'));
    await removeTree(path.join(root, 'site-1'));
    expect(fs.existsSync(path.join(root, 'site-1'))).toBe(false);
    expect(fs.readFileSync(kept, 'utf8')).toBe('page');
  });

  it('does nothing to a directory that is already gone', async () => {
    await expect(removeTree(path.join(os.tmpdir(), `remove-tree-missing-${process.pid}`))).resolves.toBeUndefined();
  });
});
