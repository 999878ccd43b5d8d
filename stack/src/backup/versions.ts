import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@stackguide/runtime';

const readVersion = (packageJson: string) => {
  try {
    return String((JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version?: unknown }).version ?? '?');
  } catch {
    return 'not installed';
  }
};

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** The running Meilisearch's version, or why it is not known; the index is rebuilt on restore, so it is only a record. */
async function meiliVersion(url: string, key: string): Promise<string> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/version`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(2_000),
    });
    if (!res.ok) return `unknown (HTTP ${res.status} from ${url})`;
    return String(((await res.json()) as { pkgVersion?: unknown }).pkgVersion ?? '?');
  } catch {
    return `unknown (not reachable at ${url})`;
  }
}

/** Versions of every part that wrote a backup: the checkout, Node, each workspace, Strapi, Meilisearch and the database. */
export async function partVersions(meili: { url: string; key: string }, database: string): Promise<Record<string, string>> {
  const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const workspaces = Object.fromEntries(
    (root.workspaces ?? []).map((ws) => [`@stackguide/${ws}`, readVersion(path.join(REPO_ROOT, ws, 'package.json'))]),
  );
  return {
    commit: commit(),
    node: process.version,
    ...workspaces,
    '@strapi/strapi': readVersion(path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'package.json')),
    meilisearch: await meiliVersion(meili.url, meili.key),
    database,
  };
}
