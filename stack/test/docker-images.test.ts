import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const dockerfile = read('Dockerfile');
const compose = read('docker-compose.yml');

/** Without a Docker engine here, the images' build is checked where it can drift: against the repository. */
describe('the images docker-compose.yml builds (Dockerfile)', () => {
  it("copies every workspace's manifest before npm ci, which refuses a lockfile naming a workspace it cannot find", () => {
    const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    const copied = [...dockerfile.matchAll(/^COPY (\S+)\/package\.json \1\/$/gm)].map((m) => m[1]);
    expect([...copied].sort()).toEqual([...workspaces].sort());
  });

  it('builds every service from a stage of the one Dockerfile, with the repository as context', () => {
    const stages = new Set([...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]));
    const builds = [...compose.matchAll(/^ {4}build:\n {6}context: (\S+)\n {6}target: (\S+)$/gm)];
    expect(builds.length).toBe([...compose.matchAll(/^ {4}build:/gm)].length);
    expect(builds.map((m) => m[2])).toEqual(['embedder', 'cms', 'search-sync', 'site']);
    for (const [, context, target] of builds) {
      expect(context).toBe('.');
      expect(stages).toContain(target);
    }
  });
});
