import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packArchive, unpackArchive } from './archive.ts';
import { describeFiles, type Manifest, MANIFEST_FILE, parseManifest, verifyFiles } from './manifest.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-manifest-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

async function manifestOf(root: string): Promise<Manifest> {
  const manifest: Manifest = {
    format: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    database: 'sqlite',
    versions: {},
    counts: { cms: { documents: {}, vocabulary: { synonymGroups: 0, stopWords: 0 } }, uploads: { files: 1, bytes: 5 }, searchSync: {} },
    warnings: [],
    files: await describeFiles(root),
  };
  fs.writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}

describe('backup manifest', () => {
  it('lists every file with its size and checksum, and finds nothing wrong with the same files', async () => {
    const root = tempDir();
    write(root, { 'cms/cms.db': 'database', 'uploads/a.png': 'image', 'uploads/nested/b.png': 'other' });
    const manifest = await manifestOf(root);
    expect(manifest.files.map((f) => f.path)).toEqual(['cms/cms.db', 'uploads/a.png', 'uploads/nested/b.png']);
    expect(manifest.files[0]).toMatchObject({ bytes: 8, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyFiles(root, manifest)).toEqual([]);
  });

  it('names a changed, a missing and an added file', async () => {
    const root = tempDir();
    write(root, { 'cms/cms.db': 'database', 'uploads/a.png': 'image', 'uploads/b.png': 'other' });
    const manifest = await manifestOf(root);
    write(root, { 'cms/cms.db': 'databasX', 'uploads/c.png': 'new' });
    fs.rmSync(path.join(root, 'uploads/b.png'));
    expect(await verifyFiles(root, manifest)).toEqual([
      'cms/cms.db: checksum differs from the manifest',
      'uploads/b.png: missing',
      'uploads/c.png: not in the manifest',
    ]);
  });

  it('survives packing and unpacking unchanged, and a damaged archive is refused', async () => {
    const root = tempDir();
    write(root, { 'cms/cms.db': 'database', 'uploads/a.png': 'image' });
    const manifest = await manifestOf(root);
    const archive = path.join(tempDir(), 'backup.tar.zst');
    await packArchive(root, archive);
    const out = tempDir();
    await unpackArchive(archive, out);
    expect(parseManifest(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8'))).toEqual(manifest);
    expect(await verifyFiles(out, manifest)).toEqual([]);

    const bytes = fs.readFileSync(archive);
    fs.writeFileSync(archive, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(unpackArchive(archive, tempDir())).rejects.toThrow(/is not a readable backup archive/);
  });

  it('refuses a manifest that is not one', () => {
    expect(() => parseManifest('{')).toThrow('manifest.json is not JSON');
    expect(() => parseManifest('{"format":2}')).toThrow('manifest.json is not a Stackguide backup manifest');
  });
});
