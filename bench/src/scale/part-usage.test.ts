import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskByPart, diskBytes, memoryByPart } from './part-usage.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'part-usage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('disk per part', () => {
  it('counts the blocks of every file under a part’s directory, and a missing part as 0', () => {
    fs.mkdirSync(path.join(dir, 'meilisearch', 'indexes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'meilisearch', 'indexes', 'data.mdb'), Buffer.alloc(256 * 1024, 1));
    fs.writeFileSync(path.join(dir, 'cms.db'), Buffer.alloc(64 * 1024, 1));
    fs.writeFileSync(path.join(dir, 'cms.db-wal'), Buffer.alloc(32 * 1024, 1));
    const disk = diskByPart(dir);
    expect(disk.meilisearch).toBeGreaterThanOrEqual(256 * 1024);
    expect(disk.cms).toBeGreaterThanOrEqual(96 * 1024);
    expect(disk.site).toBe(0);
    expect(diskBytes(path.join(dir, 'nowhere'))).toBe(0);
  });
});

describe('memory per part', () => {
  it('reads resident and peak memory of a live process tree', () => {
    const own = memoryByPart({ cms: process.pid, 'search-sync': process.pid, site: process.pid, meilisearch: process.pid });
    expect(own.cms.rssMiB).toBeGreaterThan(10);
    expect(own.cms.peakMiB).toBeGreaterThanOrEqual(own.cms.rssMiB);
  });
});
