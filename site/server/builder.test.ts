import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { waitFor } from '@stackguide/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_LINK, SiteBuilder, type BuildFn } from './builder.ts';

let buildsDir: string;
beforeEach(() => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-builder-'));
});
afterEach(() => fs.rmSync(buildsDir, { recursive: true, force: true }));

const logger = pino({ level: 'silent' });

/** A build function whose runs the test finishes by hand. */
function controlledBuild() {
  const runs: { outDir: string; finish: (ok: boolean) => void }[] = [];
  const build: BuildFn = (outDir) =>
    new Promise((resolve, reject) => {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(path.join(outDir, 'index.html'), outDir);
      runs.push({ outDir, finish: (ok) => (ok ? resolve() : reject(new Error('build broke'))) });
    });
  return { build, runs };
}

/** What the `current` link (served by nginx in docker-compose) points at. */
const linked = () => fs.realpathSync(path.join(buildsDir, CURRENT_LINK));

const until = (check: () => boolean) => waitFor('the builder to reach the expected run', check, { intervalMs: 5 });

describe('SiteBuilder', () => {
  it('serves a new build only after it succeeds, and keeps the old one when a build fails', async () => {
    const { build, runs } = controlledBuild();
    const builder = new SiteBuilder({ buildsDir, build, debounceMs: 0, logger });
    const first = builder.buildNow();
    await until(() => runs.length === 1);
    expect(builder.current()).toBeNull();
    runs[0]!.finish(true);
    const firstDir = await first;
    expect(builder.current()).toBe(firstDir);
    expect(linked()).toBe(fs.realpathSync(firstDir));

    builder.trigger('test');
    await until(() => runs.length === 2);
    expect(builder.current()).toBe(firstDir);
    runs[1]!.finish(false);
    await builder.idle();
    expect(builder.current()).toBe(firstDir);
    expect(linked()).toBe(fs.realpathSync(firstDir));
    expect(fs.existsSync(runs[1]!.outDir)).toBe(false);

    builder.trigger('test');
    await until(() => runs.length === 3);
    runs[2]!.finish(true);
    await builder.idle();
    expect(builder.current()).toBe(runs[2]!.outDir);
    expect(linked()).toBe(fs.realpathSync(runs[2]!.outDir));
  });

  it('coalesces triggers that arrive during a build into one follow-up build', async () => {
    const { build, runs } = controlledBuild();
    const builder = new SiteBuilder({ buildsDir, build, debounceMs: 0, logger });
    builder.trigger('a');
    await until(() => runs.length === 1);
    for (let i = 0; i < 5; i++) {
      builder.trigger(`during ${i}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    runs[0]!.finish(true);
    await until(() => runs.length === 2);
    runs[1]!.finish(true);
    await builder.idle();
    expect(runs).toHaveLength(2);
    expect(builder.current()).toBe(runs[1]!.outDir);
  });

  it('debounces a burst of triggers into one build', async () => {
    const { build, runs } = controlledBuild();
    const builder = new SiteBuilder({ buildsDir, build, debounceMs: 30, logger });
    for (let i = 0; i < 5; i++) builder.trigger(`burst ${i}`);
    await until(() => runs.length === 1);
    runs[0]!.finish(true);
    await builder.idle();
    expect(runs).toHaveLength(1);
  });

  it('keeps only the last two successful builds on disk and removes leftovers of earlier runs', async () => {
    fs.mkdirSync(path.join(buildsDir, 'site-1-1'));
    fs.mkdirSync(path.join(buildsDir, 'cache'));
    const build: BuildFn = async (outDir) => {
      fs.mkdirSync(outDir, { recursive: true });
    };
    const builder = new SiteBuilder({ buildsDir, build, debounceMs: 0, logger });
    await builder.buildNow();
    for (let i = 0; i < 3; i++) {
      builder.trigger('again');
      await builder.idle();
    }
    const left = fs.readdirSync(buildsDir).sort();
    expect(left).toHaveLength(4);
    expect(left).toContain('cache');
    expect(left).toContain(CURRENT_LINK);
    expect(left).toContain(path.basename(builder.current()!));
  });

  it('rethrows a failed first build', async () => {
    const builder = new SiteBuilder({ buildsDir, build: async () => Promise.reject(new Error('no CMS')), debounceMs: 0, logger });
    await expect(builder.buildNow()).rejects.toThrow('no CMS');
    expect(builder.current()).toBeNull();
  });
});
