import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminClient, spawnChild, startSiteServer, startStrapi, type AdminClient, type SiteServer, childEnv } from '@stackguide/test-kit';
import { stepLog } from '@stackguide/runtime';
import { jsGzipBytes, largestHtml } from './dist-sizes.ts';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { startFloorServer } from './floor-server.ts';
import { benchArticle, token as probeId } from './publish-probe.ts';
import { makeRunDir, SITE_DIR } from './paths.ts';
import { watchPeakRss } from './resources.ts';
import { startRecording } from './results.ts';
import { ratio, summarize, type Summary } from './stats.ts';
import { renderTable } from './table.ts';

/** `cpuSeconds`: CPU time of the build's process tree, which other work on the machine does not stretch as it does `seconds`. */
type Build = { seconds: number; cpuSeconds: number; peakMiB: number; pages: number; rendered: number };

/** Where a bench build writes: its output and its own cache (compiled pages, prepared images), both outside site/. */
export type BuildDirs = { outDir: string; cacheDir: string };

/** Output and cache directories for builds inside a run directory. */
export const buildDirs = (runDir: string): BuildDirs => ({ outDir: path.join(runDir, 'dist'), cacheDir: path.join(runDir, 'site-cache') });

/**
 * One full build of the site into `dirs.outDir` by the site's own build command (site/server/build-cli.ts),
 * with `dirs.cacheDir` as its cache (SITE_CACHE_DIR: compiled once per run, the first build
 * compiles), so it never touches the site's own builds; timed, with the peak RSS and CPU time of its process tree.
 * @throws Error with the build's last output lines when it fails.
 */
export async function build(
  strapiUrl: string,
  token: string,
  dirs: BuildDirs,
  opts: { env?: Record<string, string> } = {},
): Promise<Build> {
  // The previous output is moved aside, not deleted: on a journal-less ext4, creating thousands of
  // files within minutes of deleting as many makes the kernel step over every recently freed inode
  // (perf: `recently_deleted`, `find_inode_bit`), which would be timed as part of the next build.
  // The run directory goes, with every output, once the bench is done.
  if (fs.existsSync(dirs.outDir)) fs.renameSync(dirs.outDir, `${dirs.outDir}-${Date.now()}`);
  const output: string[] = [];
  let summary = '';
  const start = performance.now();
  const child = spawnChild(
    'site build',
    process.execPath,
    ['--import', 'tsx', 'server/build-cli.ts', '--out', dirs.outDir, '--no-search-sync'],
    {
      cwd: SITE_DIR,
      env: childEnv({
        STRAPI_URL: strapiUrl,
        STRAPI_READ_TOKEN: token,
        SITE_URL: 'http://127.0.0.1:4321',
        SITE_CACHE_DIR: dirs.cacheDir,
        ALLOW_EMPTY_SITE: 'false',
        ...opts.env,
      }),
      onLine: (line, stream) => {
        if (stream === 'stdout') summary = line;
        output.push(line);
      },
    },
  );
  const watch = watchPeakRss(child.process.pid!);
  const code = await child.exited;
  const seconds = (performance.now() - start) / 1000;
  const { peakMiB, cpuSeconds } = watch.stop();
  if (code !== 0) throw new Error(`site build against ${strapiUrl} failed (exit ${code}):\n${output.slice(-25).join('\n')}`);
  const { pages, rendered } = JSON.parse(summary) as { pages: number; rendered: number };
  return { seconds, cpuSeconds, peakMiB, pages, rendered };
}

type Incremental = { seconds: Summary; rendered: Summary };
type SizeResult = {
  js: { files: number; gzipBytes: number };
  largestHtml: { file: string; bytes: number };
  articles: number;
  pages: number;
  firstBuildSeconds: number;
  strapi: Summary;
  floor: Summary;
  strapiCpuSeconds: Summary;
  strapiPeakMiB: Summary;
  floorPeakMiB: Summary;
  ratio: number;
  edit: Incremental;
  publish: Incremental;
  serverPeakMiB: number;
};

const summarizeBuilds = (builds: { ms: number; rendered: number }[]): Incremental => ({
  seconds: summarize(builds.map((b) => b.ms / 1000)),
  rendered: summarize(builds.map((b) => b.rendered)),
});

/**
 * Incremental builds in the running site server: `runs` title edits of one published article, then
 * `runs` new articles published, each followed by the hook naming it, as search-sync calls it.
 */
async function incrementalBuilds(site: SiteServer, admin: AdminClient, strapiUrl: string, token: string, runs: number) {
  const get = async (query: string) =>
    (
      (await (await fetch(`${strapiUrl}/api/articles?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        data: { documentId: string; roles: { documentId: string }[]; skills: { documentId: string }[] }[];
      }
    ).data;
  const [target] = await get('pagination[pageSize]=1&sort=id:desc');
  const hookFor = (documentId: string) => ({ changedAt: new Date().toISOString(), changes: [{ kind: 'article', documentId }] });
  const edits: { ms: number; rendered: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await admin.updateArticle(target!.documentId, { title: `Edited for the site-build bench ${i} ${Date.now()}` });
    await admin.publish(target!.documentId);
    edits.push((await site.rebuild(hookFor(target!.documentId))).current);
  }
  const publishes: { ms: number; rendered: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const relate = (items: { documentId: string }[]) => ({ connect: items.map((r) => ({ documentId: r.documentId })) });
    // The publish bench's probe: an article the CMS's validation accepts (excerpt length, author).
    const { documentId } = await admin.createArticle(
      { ...benchArticle(probeId()), roles: relate(target!.roles), skills: relate(target!.skills) },
      { publish: true },
    );
    publishes.push((await site.rebuild(hookFor(documentId))).current);
  }
  return { edit: summarizeBuilds(edits), publish: summarizeBuilds(publishes) };
}

async function benchSize(articles: number, runs: number, runDir: string): Promise<SizeResult> {
  const log = stepLog(`site-build ${articles}`);
  const fixture = await fixtureCopy(articles, path.join(runDir, `cms-${articles}.db`), log);
  const strapi = await startStrapi({
    env: cmsEnv(fixture.secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }),
    databaseFilename: fixture.databaseFilename,
  });
  const token = fixture.secrets.STRAPI_READ_TOKEN;
  const floor = await startFloorServer(strapi.url);
  const dirs = buildDirs(runDir);
  try {
    log('first build: compiles the pages, and fills the floor (not compared)');
    const first = await build(floor.url, token, dirs);
    floor.replay();
    const js = jsGzipBytes(dirs.outDir);
    const largest = largestHtml(dirs.outDir);
    log(
      `${first.seconds.toFixed(1)} s with compiling; ${floor.stored()} responses recorded, ${first.pages} files, ${js.files} JS files = ${js.gzipBytes} bytes gzipped`,
    );
    const real: Build[] = [];
    const low: Build[] = [];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['strapi', 'floor'] : ['floor', 'strapi'];
      for (const who of order) {
        const b = await build(who === 'strapi' ? strapi.url : floor.url, token, dirs);
        (who === 'strapi' ? real : low).push(b);
        log(
          `run ${i + 1}/${runs} ${who}: ${b.seconds.toFixed(1)} s (CPU ${b.cpuSeconds.toFixed(1)} s), peak ${b.peakMiB} MiB (load ${os.loadavg()[0]!.toFixed(1)})`,
        );
      }
    }
    log('incremental builds in the site server: title edits, then new articles');
    const site = await startSiteServer({ strapiUrl: strapi.url, token, env: { SITE_CACHE_DIR: dirs.cacheDir }, timeoutMs: 600_000 });
    const watch = watchPeakRss(site.child.process.pid!);
    let incremental: Awaited<ReturnType<typeof incrementalBuilds>>;
    let serverPeakMiB: number;
    try {
      const admin = await adminClient(strapi.url, fixture.secrets.ADMIN_EMAIL, fixture.secrets.ADMIN_PASSWORD);
      incremental = await incrementalBuilds(site, admin, strapi.url, token, runs);
    } finally {
      // Also on failure: the watcher's timer would keep the bench process alive after its error.
      serverPeakMiB = watch.stop().peakMiB;
      await site.stop();
    }
    const s = summarize(real.map((b) => b.seconds));
    const f = summarize(low.map((b) => b.seconds));
    return {
      js,
      largestHtml: largest,
      articles,
      pages: first.pages,
      firstBuildSeconds: first.seconds,
      strapi: s,
      floor: f,
      strapiCpuSeconds: summarize(real.map((b) => b.cpuSeconds)),
      strapiPeakMiB: summarize(real.map((b) => b.peakMiB)),
      floorPeakMiB: summarize(low.map((b) => b.peakMiB)),
      ratio: ratio(s.p50, f.p50),
      ...incremental,
      serverPeakMiB,
    };
  } finally {
    await floor.close();
    await strapi.stop();
  }
}

/** Bench 3: full site build time and peak memory against Strapi vs the in-memory floor, and incremental builds after an edit and a publish. */
export async function siteBuildBench(opts: { sizes: number[]; runs: number }): Promise<void> {
  const recording = startRecording();
  const runDir = makeRunDir('site-run-');
  try {
    const results: SizeResult[] = [];
    for (const size of opts.sizes) results.push(await benchSize(size, opts.runs, runDir));
    console.log(
      `\nsite build (site/server/build-cli.ts: fetch, prepare, render every file), ${opts.runs} runs each, alternating; floor = same build, Strapi's answers served from memory\n`,
    );
    console.log(
      renderTable(
        [
          'articles',
          'files',
          'JS gzip bytes',
          'full s p50',
          'full CPU s p50',
          'floor s p50',
          'full/floor',
          'peak MiB p50',
          'first build with compile s',
          'edit → incremental s p50 (files rendered)',
          'publish → incremental s p50 (files rendered)',
        ],
        results.map((r) => [
          r.articles,
          r.pages,
          r.js.gzipBytes,
          r.strapi.p50,
          r.strapiCpuSeconds.p50,
          r.floor.p50,
          r.ratio,
          r.strapiPeakMiB.p50,
          r.firstBuildSeconds,
          `${r.edit.seconds.p50.toFixed(2)} (${r.edit.rendered.p50})`,
          `${r.publish.seconds.p50.toFixed(2)} (${r.publish.rendered.p50})`,
        ]),
      ),
    );
    for (const r of results) {
      const targets =
        r.articles >= 10_000
          ? `; under 60 s ${r.strapi.p50 < 60 ? 'met' : 'NOT met'}; peak under 2 GiB ${r.strapiPeakMiB.p50 < 2048 ? 'met' : 'NOT met'}`
          : '';
      console.log(
        `${r.articles}: largest HTML page ${r.largestHtml.file} ${(r.largestHtml.bytes / 1024).toFixed(1)} KB; site server peak ${r.serverPeakMiB} MiB${targets}`,
      );
    }
    const file = recording.write('site-build', { params: opts, results });
    console.log(`results: ${file}`);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
