import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
/** Where each part's data lies inside an archive. */
export const ARCHIVE_DIRS = { cms: 'cms', uploads: 'uploads', searchSync: 'search-sync' } as const;
export const SQLITE_DUMP = 'cms.db';
export const POSTGRES_DUMP = 'cms.sql';

const documentCounts = z.object({ documents: z.number(), published: z.number().optional(), draftsOnly: z.number().optional() });
const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  versions: z.record(z.string(), z.string()),
  counts: z.object({
    cms: z.object({
      documents: z.record(z.string(), documentCounts),
      vocabulary: z.object({ synonymGroups: z.number(), stopWords: z.number() }),
    }),
    uploads: z.object({ files: z.number(), bytes: z.number() }),
    searchSync: z.record(z.string(), z.record(z.string(), z.number())),
  }),
  warnings: z.array(z.string()),
  files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string() })),
});

/** What a backup holds: the versions that wrote it, counts of what is inside, and a checksum of every file. */
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest['files'][number];

/** @throws Error saying what is wrong with a manifest that is not JSON or not of this shape. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${MANIFEST_FILE} is not JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${MANIFEST_FILE} is not a Stackguide backup manifest: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Every file under `root`, as sorted paths relative to it with `/` separators. */
export function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Size and checksum of every file under `root` except the manifest itself. */
export async function describeFiles(root: string, onFile?: (file: string) => void): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const file of listFiles(root).filter((f) => f !== MANIFEST_FILE)) {
    const full = path.join(root, file);
    files.push({ path: file, bytes: fs.statSync(full).size, sha256: await sha256(full) });
    onFile?.(file);
  }
  return files;
}

/**
 * Compares the files under `root` with the manifest: a file missing, added, of another size or
 * checksum is a problem. Returns one line per problem, none when everything matches.
 */
export async function verifyFiles(root: string, manifest: Manifest, onFile?: (file: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const present = new Set(listFiles(root).filter((f) => f !== MANIFEST_FILE));
  for (const expected of manifest.files) {
    const full = path.join(root, expected.path);
    if (!present.delete(expected.path)) problems.push(`${expected.path}: missing`);
    else if (fs.statSync(full).size !== expected.bytes)
      problems.push(`${expected.path}: ${fs.statSync(full).size} bytes, the manifest says ${expected.bytes}`);
    else if ((await sha256(full)) !== expected.sha256) problems.push(`${expected.path}: checksum differs from the manifest`);
    onFile?.(expected.path);
  }
  for (const extra of present) problems.push(`${extra}: not in the manifest`);
  return problems;
}
