import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules between workspaces: each imports only from the layers below it (a part never
 * imports its consumers, nor a sibling), and what several parts agree on is defined here, in
 * @stackguide/contracts, not copied.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS: Record<string, number> = {
  contracts: 0,
  content: 1,
  runtime: 1,
  'demo-content': 1,
  launch: 2,
  'test-kit': 3,
  embedder: 4,
  'search-sync': 4,
  cms: 4,
  site: 4,
  stack: 4,
  bench: 5,
};
/** Imported by tests (and benchmarks) only. */
const TEST_ONLY = new Set(['test-kit']);
const SOURCE = /\.(ts|tsx|mts|mjs|astro)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.builds', '.astro', '.strapi', '.work', '.tmp', 'results', 'types']);

type PackageJson = { name: string; workspaces?: string[]; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

const isTest = (file: string) => /\.test\.\w+$/.test(file) || file.split(path.sep).includes('test') || /vitest\.config/.test(file);
const workspaceName = (spec: string) => /^@stackguide\/([\w-]+)/.exec(spec)?.[1];

/** Every `@stackguide/…` module a file imports, statically or dynamically. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'(@stackguide\/[\w-]+)[^']*'/g)].map((m) => m[1]!);
  return found.map((spec) => workspaceName(spec)!);
}

const workspaces = readJson(path.join(ROOT, 'package.json')).workspaces ?? [];

describe('workspace layers', () => {
  it('gives every workspace a layer', () => {
    expect([...workspaces].sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('has no workspace importing a consumer or a sibling, and no source importing test helpers', () => {
    const wrong: string[] = [];
    for (const ws of workspaces) {
      for (const file of sourceFiles(path.join(ROOT, ws))) {
        for (const target of imports(file)) {
          const where = `${path.relative(ROOT, file)} imports @stackguide/${target}`;
          if (target === ws) wrong.push(`${where}: its own workspace by name`);
          else if (LAYERS[target] === undefined) wrong.push(`${where}: no such workspace`);
          else if (LAYERS[target]! >= LAYERS[ws]!) wrong.push(`${where}: layer ${LAYERS[target]} is not below ${ws}'s ${LAYERS[ws]}`);
          else if (TEST_ONLY.has(target) && !isTest(file) && ws !== 'bench') wrong.push(`${where}: test helpers in non-test code`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares what each workspace imports, and depends only downwards (devDependencies may start a sibling in tests)', () => {
    const wrong: string[] = [];
    for (const ws of workspaces) {
      const pkg = readJson(path.join(ROOT, ws, 'package.json'));
      const runtime = Object.keys(pkg.dependencies ?? {})
        .map(workspaceName)
        .filter(Boolean) as string[];
      const dev = Object.keys(pkg.devDependencies ?? {})
        .map(workspaceName)
        .filter(Boolean) as string[];
      for (const dep of runtime) if (LAYERS[dep]! >= LAYERS[ws]!) wrong.push(`${ws} depends on ${dep}`);
      for (const dep of dev) if (LAYERS[dep]! > LAYERS[ws]! || dep === ws) wrong.push(`${ws} has the devDependency ${dep}`);
      for (const file of sourceFiles(path.join(ROOT, ws))) {
        for (const target of new Set(imports(file))) {
          const declared = isTest(file) ? [...runtime, ...dev] : runtime;
          if (!declared.includes(target) && !(ws === 'bench' && dev.includes(target)))
            wrong.push(`${path.relative(ROOT, file)} imports ${target}, which ${ws}/package.json does not declare`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Source text without comments: a comment may name a contract's path. */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** A route a contract names, as opposed to a one-word path any app may also have. */
const isDistinctPath = (p: string) => p.startsWith('/__') || p.includes('-') || p.slice(1).includes('/');

describe('contracts', () => {
  // env-rules.ts exports the building blocks of variable rules (`port`, `text`…), not agreements.
  const contractFiles = sourceFiles(path.join(ROOT, 'contracts', 'src')).filter((f) => !isTest(f) && !f.endsWith('env-rules.ts'));
  const exported = new Map<string, string>();
  const pathLiterals = new Map<string, string>();
  for (const file of contractFiles) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^export (?:const|type|function|class|async function) (\w+)/gm))
      exported.set(m[1]!, path.relative(ROOT, file));
    for (const m of text.matchAll(/'(\/[\w/.-]+)'/g)) if (isDistinctPath(m[1]!)) pathLiterals.set(m[1]!, path.relative(ROOT, file));
  }

  it('are found', () => {
    expect(exported.size).toBeGreaterThan(30);
    expect(pathLiterals.size).toBeGreaterThan(5);
  });

  it('are defined once: no other source declares a name the contracts export, or spells out one of their paths', () => {
    const copies: string[] = [];
    for (const ws of workspaces.filter((w) => w !== 'contracts')) {
      for (const file of sourceFiles(path.join(ROOT, ws)).filter((f) => !isTest(f))) {
        const text = code(file);
        for (const m of text.matchAll(/^\s*(?:export )?(?:const|let|type|interface|function|class) (\w+)\b(?!\s*[,}])/gm)) {
          const owner = exported.get(m[1]!);
          if (owner) copies.push(`${path.relative(ROOT, file)} declares ${m[1]}, which ${owner} defines`);
        }
        for (const [literal, owner] of pathLiterals) {
          if (text.includes(`'${literal}'`) || text.includes(`"${literal}"`) || text.includes(`\`${literal}`))
            copies.push(`${path.relative(ROOT, file)} spells out '${literal}', which ${owner} defines`);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});
