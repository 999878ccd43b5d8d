import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnChild } from '@stackguide/stack/child';
import { adminClient } from '@stackguide/stack/cms-admin-client';
import { startStrapi } from '@stackguide/stack/strapi-process';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { startFloorServer } from './floor-server.ts';
import { BIN_DIR, SITE_DIR, WORK_DIR } from './paths.ts';
import { progress } from './progress.ts';
import { watchPeakRss } from './resources.ts';
import { machine, writeResults } from './results.ts';
import { ratio, summarize, type Summary } from './stats.ts';
import { renderTable } from './table.ts';

const SITE_COPY = path.join(WORK_DIR, 'site-copy');

/**
 * A private copy of site/ (sources, config; node_modules resolve from the repo) so the bench's
 * content-layer cache and output never touch the real site's while others build it.
 */
export function prepareSiteCopy(): string {
  fs.rmSync(SITE_COPY, { recursive: true, force: true });
  fs.mkdirSync(SITE_COPY, { recursive: true });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    // public/ holds no tracked file, so a fresh clone has none.
    if (fs.existsSync(path.join(SITE_DIR, entry))) fs.cpSync(path.join(SITE_DIR, entry), path.join(SITE_COPY, entry), { recursive: true });
  }
  return SITE_COPY;
}

type Build = { seconds: number; peakMiB: number };

/**
 * One `astro build` of the site copy into `outDir`, timed with the peak RSS of its process tree.
 * @throws Error with the build's last output lines when it fails.
 */
export async function build(strapiUrl: string, token: string, outDir: string, opts: { keepCache: boolean; env?: Record<string, string> }): Promise<Build> {
  if (!opts.keepCache) for (const dir of ['.builds', '.astro', 'node_modules/.astro']) fs.rmSync(path.join(SITE_COPY, dir), { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
  const output: string[] = [];
  const start = performance.now();
  const child = spawnChild('astro build', path.join(BIN_DIR, 'astro'), ['build', '--outDir', outDir], {
    cwd: SITE_COPY,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STRAPI_URL: strapiUrl, STRAPI_READ_TOKEN: token, SITE_URL: 'http://127.0.0.1:4321', ALLOW_EMPTY_SITE: 'false', ASTRO_TELEMETRY_DISABLED: '1', ...opts.env },
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
function jsGzipBytes(outDir: string): { files: number; gzipBytes: number } {
  const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
  const gzipBytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
  return { files: files.length, gzipBytes };
}

type SizeResult = { js: { files: number; gzipBytes: number }; articles: number; strapi: Summary; floor: Summary; strapiPeakMiB: Summary; floorPeakMiB: Summary; rebuild: Summary; ratio: number; pages: number };

async function benchSize(articles: number, runs: number, runDir: string): Promise<SizeResult> {
  const log = progress(`site-build ${articles}`);
  const fixture = await fixtureCopy(articles, path.join(runDir, `cms-${articles}.db`), log);
  const strapi = await startStrapi({ env: cmsEnv(fixture.secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }), databaseFilename: fixture.databaseFilename });
  const token = fixture.secrets.STRAPI_READ_TOKEN;
  const floor = await startFloorServer(strapi.url);
  const out = path.join(runDir, 'dist');
  try {
    log('recording build (fills the floor, not timed)');
    await build(floor.url, token, out, { keepCache: false });
    floor.replay();
    const pages = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    const js = jsGzipBytes(out);
    log(`${floor.stored()} responses recorded, ${pages} pages, ${js.files} JS files = ${js.gzipBytes} bytes gzipped`);
    const real: Build[] = [];
    const low: Build[] = [];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['strapi', 'floor'] : ['floor', 'strapi'];
      for (const who of order) {
        const b = await build(who === 'strapi' ? strapi.url : floor.url, token, out, { keepCache: false });
        (who === 'strapi' ? real : low).push(b);
        log(`run ${i + 1}/${runs} ${who}: ${b.seconds.toFixed(1)} s, peak ${b.peakMiB} MiB`);
      }
    }
    log('rebuild after one article changes (warm cache)');
    await build(strapi.url, token, out, { keepCache: false });
    const admin = await adminClient(strapi.url, fixture.secrets.ADMIN_EMAIL, fixture.secrets.ADMIN_PASSWORD);
    const [first] = ((await (await fetch(`${strapi.url}/api/articles?pagination[pageSize]=1`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { data: { documentId: string }[] }).data;
    const rebuilds: number[] = [];
    for (let i = 0; i < runs; i++) {
      await admin.updateArticle(first!.documentId, { title: `Changed title for rebuild ${i} ${Date.now()}` });
      await admin.publish(first!.documentId);
      rebuilds.push((await build(strapi.url, token, out, { keepCache: true })).seconds);
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
  prepareSiteCopy();
  const runDir = fs.mkdtempSync(path.join(WORK_DIR, 'site-run-'));
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
    const file = writeResults('site-build', { machine: machine(), params: opts, results });
    console.log(`results: ${file}`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
