import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { waitFor } from '@stackguide/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_LINK } from './build-dirs.ts';
import { SiteBuilder, type BuildFn, type BuilderOptions, type SpareMaker } from './builder.ts';
import type { BuildRequest } from './site-build.ts';

let buildsDir: string;
const builders: SiteBuilder<number>[] = [];
beforeEach(() => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-builder-'));
});
afterEach(() => {
  for (const b of builders.splice(0)) b.close();
  fs.rmSync(buildsDir, { recursive: true, force: true });
});

const logger = pino({ level: 'silent' });

/** A build function whose runs the test finishes by hand; the state is the run's number. */
function controlledBuild() {
  const runs: { outDir: string; previous: number | null; request: BuildRequest; finish: (ok: boolean) => void }[] = [];
  const build: BuildFn<number> = (outDir, previous, request) =>
    new Promise((resolve, reject) => {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'index.html'), outDir);
      const n = runs.length + 1;
      runs.push({
        outDir,
        previous,
        request,
        finish: (ok) =>
          ok
            ? resolve({ state: n, kind: previous === null || request.full ? 'full' : 'incremental', pages: 1, rendered: 1 })
            : reject(new Error('build broke')),
      });
    });
  return { build, runs };
}

const make = (build: BuildFn<number>, over: Partial<BuilderOptions<number>> = {}) => {
  const builder = new SiteBuilder<number>({ buildsDir, build, debounceMs: 0, logger, ...over });
  builders.push(builder);
  return builder;
};

/** What the `current` link (served by nginx in docker-compose) points at. */
const linked = () => fs.realpathSync(path.join(buildsDir, CURRENT_LINK));

const until = (check: () => boolean) => waitFor('the builder to reach the expected run', check, { intervalMs: 5 });
const article = (documentId: string) => ({ kind: 'article' as const, documentId });

describe('SiteBuilder', () => {
  it('serves a new build only after it succeeds, and keeps the old one when a build fails', async () => {
    const { build, runs } = controlledBuild();
    const builder = make(build, { retryMs: 60_000 });
    const first = builder.buildNow();
    await until(() => runs.length === 1);
    expect(builder.current()).toBeNull();
    expect(builder.status().building?.kind).toBe('full');
    runs[0]!.finish(true);
    const firstDir = await first;
    expect(builder.current()).toBe(firstDir);
    expect(linked()).toBe(fs.realpathSync(firstDir));

    builder.trigger('test', [article('a')]);
    await until(() => runs.length === 2);
    expect(builder.current()).toBe(firstDir);
    runs[1]!.finish(false);
    await until(() => builder.status().lastFailure !== null);
    expect(builder.current()).toBe(firstDir);
    expect(linked()).toBe(fs.realpathSync(firstDir));
    expect(fs.existsSync(runs[1]!.outDir)).toBe(false);
    expect(builder.status()).toMatchObject({ lastFailure: { message: 'build broke' }, pending: true, building: null });

    builder.trigger('test', [article('b')]);
    await until(() => runs.length === 3);
    // The failed build's change is still owed, together with the new one.
    expect(runs[2]!.request.changes?.map((c) => c.documentId).sort()).toEqual(['a', 'b']);
    expect(runs[2]!.previous).toBe(1);
    runs[2]!.finish(true);
    await builder.idle();
    expect(builder.current()).toBe(runs[2]!.outDir);
    expect(linked()).toBe(fs.realpathSync(runs[2]!.outDir));
    expect(builder.status()).toMatchObject({ current: { kind: 'incremental', pages: 1, rendered: 1 }, pending: false });
  });

  it('retries a failed build by itself, with its changes', async () => {
    const { build, runs } = controlledBuild();
    const builder = make(build, { retryMs: 20 });
    const first = builder.buildNow();
    await until(() => runs.length === 1);
    runs[0]!.finish(true);
    await first;
    builder.trigger('test', [article('a')]);
    await until(() => runs.length === 2);
    runs[1]!.finish(false);
    await until(() => runs.length === 3);
    expect(runs[2]!.request).toEqual({ changes: [article('a')], full: false });
    runs[2]!.finish(true);
    await builder.idle();
    expect(builder.state()).toBe(3);
  });

  it('coalesces triggers that arrive during a build into one follow-up build with all their changes', async () => {
    const { build, runs } = controlledBuild();
    const builder = make(build);
    builder.trigger('a', [article('first')]);
    await until(() => runs.length === 1);
    for (let i = 0; i < 5; i++) {
      builder.trigger(`during ${i}`, [article(`d${i % 3}`)]);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(builder.status().pending).toBe(true);
    runs[0]!.finish(true);
    await until(() => runs.length === 2);
    expect(runs[1]!.request.changes?.map((c) => c.documentId).sort()).toEqual(['d0', 'd1', 'd2']);
    runs[1]!.finish(true);
    await builder.idle();
    expect(runs).toHaveLength(2);
    expect(builder.current()).toBe(runs[1]!.outDir);
  });

  it('debounces a burst of triggers into one build; one trigger without a list makes it fetch everything', async () => {
    const { build, runs } = controlledBuild();
    const builder = make(build, { debounceMs: 30 });
    for (let i = 0; i < 5; i++) builder.trigger(`burst ${i}`, i === 2 ? null : [article(`a${i}`)]);
    await until(() => runs.length === 1);
    expect(runs[0]!.request.changes).toBeNull();
    runs[0]!.finish(true);
    await builder.idle();
    expect(runs).toHaveLength(1);
  });

  it('runs a full build when the full-build interval has passed since the last one', async () => {
    const { build, runs } = controlledBuild();
    const builder = make(build, { fullBuildIntervalMs: 100 });
    const first = builder.buildNow();
    await until(() => runs.length === 1);
    runs[0]!.finish(true);
    await first;
    await until(() => runs.length === 2);
    expect(runs[1]!.request).toEqual({ changes: null, full: true });
    runs[1]!.finish(true);
    await until(() => builder.status().current?.kind === 'full' && builder.state() === 2);
  });

  it('keeps only the last two successful builds on disk and removes leftovers of earlier runs', async () => {
    fs.mkdirSync(path.join(buildsDir, 'site-1-1'));
    fs.mkdirSync(path.join(buildsDir, 'cache'));
    const build: BuildFn<number> = async (outDir) => {
      fs.mkdirSync(outDir, { recursive: true });
      return { state: 0, kind: 'full', pages: 0, rendered: 0 };
    };
    const builder = make(build);
    await builder.buildNow();
    for (let i = 0; i < 3; i++) {
      builder.trigger('again', null);
      await builder.idle();
    }
    const left = fs.readdirSync(buildsDir).sort();
    expect(left).toHaveLength(4);
    expect(left).toContain('cache');
    expect(left).toContain(CURRENT_LINK);
    expect(left).toContain(path.basename(builder.current()!));
  });

  it('after the first build, makes a spare copy in the background that the next build gets, and waits for it', async () => {
    const { build, runs } = controlledBuild();
    const made: { state: number; dir: string; done: (ok: boolean) => void }[] = [];
    const spare: SpareMaker<number> = {
      needed: (state) => state < 100,
      make: (state, dir) =>
        new Promise((resolve, reject) => {
          fs.mkdirSync(dir);
          made.push({ state, dir, done: (ok) => (ok ? resolve(state + 100) : reject(new Error('disk full'))) });
        }),
    };
    const builder = make(build, { spare });
    const first = builder.buildNow();
    await until(() => runs.length === 1);
    runs[0]!.finish(true);
    await first;
    await until(() => made.length === 1);
    expect(made[0]!.state).toBe(1);

    builder.trigger('a change while the spare is made', [article('a')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toHaveLength(1);
    // A removal of old builds meanwhile must leave the spare alone.
    expect(fs.existsSync(made[0]!.dir)).toBe(true);
    made[0]!.done(true);
    await until(() => runs.length === 2);
    expect(runs[1]!.previous).toBe(101);
    runs[1]!.finish(true);
    // The second build's state (2) asks for a spare too; this one fails and is cleaned away.
    await until(() => made.length === 2);
    made[1]!.done(false);
    await builder.idle();
    expect(fs.existsSync(made[1]!.dir)).toBe(false);
    expect(builder.state()).toBe(2);
    builder.trigger('next', [article('b')]);
    await until(() => runs.length === 3);
    expect(runs[2]!.previous).toBe(2);
  });

  it('rethrows a failed first build', async () => {
    const builder = make(async () => Promise.reject(new Error('no CMS')));
    await expect(builder.buildNow()).rejects.toThrow('no CMS');
    expect(builder.current()).toBeNull();
    expect(builder.status()).toMatchObject({ current: null, lastFailure: { message: 'no CMS' }, pending: false });
  });
});
