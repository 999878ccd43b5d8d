import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SITE_ROOT } from './build-context.ts';

/**
 * Astro modules the site may import: those Astro documents as its public API
 * (https://docs.astro.build/en/reference/modules/, the adapter and integration references), which
 * a minor release keeps. Everything else under `astro/` (`astro/dist/…`, `astro/runtime/…`, …) is
 * Astro's own code and may change in any release.
 */
const PUBLIC = new Set([
  'astro',
  'astro/config',
  'astro/app',
  'astro/app/entrypoint',
  'astro/app/node',
  'astro/container',
  'astro/zod',
  'astro/loaders',
  'astro/middleware',
  'astro/assets',
  'astro/errors',
  'astro/env',
  'astro/types',
  'astro/client',
]);
const PUBLIC_PREFIXES = ['astro:', 'astro/tsconfigs/'];

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs|astro|tsx|jsx)$/;
const SKIP = new Set(['node_modules', 'dist', '.builds', '.astro', 'test-results']);
/** Module specifiers in import/export-from statements, side-effect imports, import() and require(). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** The Astro modules a file imports that are not public, e.g. `astro/dist/core/app/index.js`. */
function astroInternalImports(source: string): string[] {
  return [...source.matchAll(SPECIFIER)]
    .map((m) => m[2]!)
    .filter(
      (s) =>
        (s === 'astro' || s.startsWith('astro/') || s.startsWith('astro:') || s.includes('node_modules/astro/')) &&
        !PUBLIC.has(s) &&
        !PUBLIC_PREFIXES.some((p) => s.startsWith(p)),
    );
}

function siteSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return siteSources(full);
    return SOURCE.test(e.name) ? [full] : [];
  });
}

describe("the site's source uses Astro's public API only", () => {
  it('finds internal Astro paths in every form of import', () => {
    const sample = [
      "import { App } from 'astro/dist/core/app/index.js';",
      'import type { X } from "astro/runtime/server/index.js";',
      "export { y } from 'astro/dist/core/build/index.js';",
      "await import('astro/dist/core/render/index.js');",
      "const z = require('astro/dist/cli/index.js');",
      "import '../node_modules/astro/dist/runtime/client/idle.js';",
      "declare const c: import('astro/dist/container/index.js').Thing;",
      "import { createApp } from 'astro/app/entrypoint';",
      "import { defineConfig } from 'astro/config';",
      "import { getCollection } from 'astro:content';",
    ].join('\n');
    expect(astroInternalImports(sample)).toEqual([
      'astro/dist/core/app/index.js',
      'astro/runtime/server/index.js',
      'astro/dist/core/build/index.js',
      'astro/dist/core/render/index.js',
      'astro/dist/cli/index.js',
      '../node_modules/astro/dist/runtime/client/idle.js',
      'astro/dist/container/index.js',
    ]);
  });

  it('no site source file imports an Astro internal path', () => {
    // This file spells internal paths as samples, in strings.
    const files = siteSources(SITE_ROOT).filter((file) => file !== fileURLToPath(import.meta.url));
    // The scan reaches the build host, the pages and the config.
    for (const file of ['server/render-entry.ts', 'src/pages/index.astro', 'astro.config.mjs'])
      expect(files).toContain(path.join(SITE_ROOT, file));
    const internal = files.flatMap((file) =>
      astroInternalImports(fs.readFileSync(file, 'utf8')).map((s) => `${path.relative(SITE_ROOT, file)}: ${s}`),
    );
    expect(internal).toEqual([]);
  });
});
