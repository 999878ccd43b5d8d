import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { adminClient, spawnChild, startStrapi } from '@stackguide/test-kit';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { startFloorServer } from './floor-server.ts';
import { BIN_DIR, makeRunDir, SITE_DIR } from './paths.ts';
import { stepLog } from '@stackguide/runtime';
import { watchPeakRss } from './resources.ts';
import { startRecording } from './results.ts';
import { ratio, summarize, type Summary } from './stats.ts';
import { renderTable } from './table.ts';

type Build = { seconds: number; peakMiB: number };

/** Where a bench build writes: its output and its own content-layer/image cache, both outside site/. */
export type BuildDirs = { outDir: string; cacheDir: string };

/** Output and cache directories for builds inside a run directory. */
export const buildDirs = (runDir: string): BuildDirs => ({ outDir: path.join(runDir, 'dist'), cacheDir: path.join(runDir, 'astro-cache') });

/**
 * One `astro build` of the site into `dirs.outDir` with `dirs.cacheDir` as its cache (SITE_CACHE_DIR), so
 * it never touches the site's own output or cache while others build it; timed with the peak RSS of its
 * process tree. Without `keepCache` the cache is emptied first (a cold build).
 * @throws Error with the build's last output lines when it fails.
 */
export async function build(strapiUrl: string, token: string, dirs: BuildDirs, opts: { keepCache: boolean; env?: Record<string, string> }): Promise<Build> {
  if (!opts.keepCache) fs.rmSync(dirs.cacheDir, { recursive: true, force: true });
  fs.rmSync(dirs.outDir, { recursive: true, force: true });
  const output: string[] = [];
  const start = performance.now();
  const child = spawnChild('astro build', path.join(BIN_DIR, 'astro'), ['build', '--outDir', dirs.outDir], {
    cwd: SITE_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      STRAPI_URL: strapiUrl,
      STRAPI_READ_TOKEN: token,
      SITE_URL: 'http://127.0.0.1:4321',
      SITE_CACHE_DIR: dirs.cacheDir,
      ALLOW_EMPTY_SITE: 'false',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
    onLine: (line) => output.push(line),
  });
  const watch = watchPeakRss(child.process.pid!);
  const code = await child.exited;
  const seconds = (performance.now() - start) / 1000;
  const { peakMiB } = watch.stop();
  if (code !== 0) throw new Error(`astro build against ${strapiUrl} failed (exit ${code}):\n${output.slice(-25).join('\n')}`);
  return { seconds, peakMiB };
}

/** Gzip bytes of every JavaScript file the built site ships (the search island is the only script). */
export function jsGzipBytes(outDir: string): { files: number; gzipBytes: number } {
  const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  const gzipBytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
  return { files: files.length, gzipBytes };
}

type SizeResult = { js: { files: number; gzipBytes: number }; articles: number; strapi: Summary; floor: Summary; strapiPeakMiB: Summary; floorPeakMiB: Summary; rebuild: Summary; ratio: number; pages: number };

async function benchSize(articles: number, runs: number, runDir: string): Promise<SizeResult> {
  const log = stepLog(`site-build ${articles}`);
  const fixture = await fixtureCopy(articles, path.join(runDir, `cms-${articles}.db`), log);
  const strapi = await startStrapi({ env: cmsEnv(fixture.secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }), databaseFilename: fixture.databaseFilename });
  const token = fixture.secrets.STRAPI_READ_TOKEN;
  const floor = await startFloorServer(strapi.url);
  const dirs = buildDirs(runDir);
  try {
    log('recording build (fills the floor, not timed)');
    await build(floor.url, token, dirs, { keepCache: false });
    floor.replay();
    const pages = fs.readdirSync(dirs.outDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    const js = jsGzipBytes(dirs.outDir);
    log(`${floor.stored()} responses recorded, ${pages} pages, ${js.files} JS files = ${js.gzipBytes} bytes gzipped`);
    const real: Build[] = [];
    const low: Build[] = [];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['strapi', 'floor'] : ['floor', 'strapi'];
      for (const who of order) {
        const b = await build(who === 'strapi' ? strapi.url : floor.url, token, dirs, { keepCache: false });
        (who === 'strapi' ? real : low).push(b);
        log(`run ${i + 1}/${runs} ${who}: ${b.seconds.toFixed(1)} s, peak ${b.peakMiB} MiB`);
      }
    }
    log('rebuild after one article changes (warm cache)');
    await build(strapi.url, token, dirs, { keepCache: false });
    const admin = await adminClient(strapi.url, fixture.secrets.ADMIN_EMAIL, fixture.secrets.ADMIN_PASSWORD);
    const [first] = ((await (await fetch(`${strapi.url}/api/articles?pagination[pageSize]=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: { documentId: string }[] }).data;
    const rebuilds: number[] = [];
    for (let i = 0; i < runs; i++) {
      await admin.updateArticle(first!.documentId, { title: `Changed title for rebuild ${i} ${Date.now()}` });
      await admin.publish(first!.documentId);
      rebuilds.push((await build(strapi.url, token, dirs, { keepCache: true })).seconds);
    }
    const s = summarize(real.map((b) => b.seconds));
    const f = summarize(low.map((b) => b.seconds));
    return {
      js,
      articles,
      strapi: s,
      floor: f,
      strapiPeakMiB: summarize(real.map((b) => b.peakMiB)),
      floorPeakMiB: summarize(low.map((b) => b.peakMiB)),
      rebuild: summarize(rebuilds),
      ratio: ratio(s.p50, f.p50),
      pages,
    };
  } finally {
    await floor.close();
    await strapi.stop();
  }
}

/** Bench 3: site build time and peak memory against Strapi vs the in-memory floor, and the one-change rebuild. */
export async function siteBuildBench(opts: { sizes: number[]; runs: number }): Promise<void> {
  const recording = startRecording();
  const runDir = makeRunDir('site-run-');
  try {
    const results: SizeResult[] = [];
    for (const size of opts.sizes) results.push(await benchSize(size, opts.runs, runDir));
    console.log(`\nsite build (astro build), ${opts.runs} runs each, alternating; floor = same loader, pre-rendered JSON served from memory\n`);
    console.log(
      renderTable(
        ['articles', 'pages', 'JS gzip bytes', 'strapi s p50', 'floor s p50', 'strapi/floor', 'strapi peak MiB', 'floor peak MiB', 'rebuild after 1 change s p50'],
        results.map((r) => [r.articles, r.pages, r.js.gzipBytes, r.strapi.p50, r.floor.p50, r.ratio, r.strapiPeakMiB.p50, r.floorPeakMiB.p50, r.rebuild.p50]),
      ),
    );
    for (const r of results) console.log(`${r.articles}: ≤ 1.2× floor ${r.ratio <= 1.2 ? 'met' : 'NOT met'}${r.articles >= 10_000 ? `; under 60 s ${r.strapi.p50 < 60 ? 'met' : 'NOT met'}` : ''}`);
    const file = recording.write('site-build', { params: opts, results });
    console.log(`results: ${file}`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
