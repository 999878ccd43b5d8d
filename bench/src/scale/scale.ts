import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID } from '@stackguide/contracts/search-index';
import type { ReconcileResult } from '@stackguide/contracts/search-sync-admin';
import { REPO_ROOT, stepLog, waitFor } from '@stackguide/runtime';
import { launchChromium } from '@stackguide/test-kit';
import { keystrokeQueries } from '../keystroke.ts';
import { openSearchPage, typeQueries } from '../keystroke-probe.ts';
import { documentCount } from '../meili-http.ts';
import { WORK_DIR } from '../paths.ts';
import { searchableSamples } from '../publish-latency.ts';
import { floorRun, ourReindex } from '../reindex.ts';
import { watchPeakRss } from '../resources.ts';
import { startRecording } from '../results.ts';
import { runningSystem, type RunningSystem } from '../running-system.ts';
import { liveRows, sample as liveSamples } from '../site-publish.ts';
import { ratio, summarize } from '../stats.ts';
import { scaleSummary } from '../figures/scale-table.ts';
import { diskByPart, memoryByPart } from './part-usage.ts';
import { stackEnv, startStack, type StackRun } from './stack-run.ts';

const START_TIMEOUT_MS = 60 * 60_000;

type Timed = { seconds: number; peakMiB: number; output: string };

/** Runs `npm <args>` at the root against the scale system, timed from spawn to exit, with its tree's peak RSS. */
async function npm(args: string[], env: Record<string, string>, log: (line: string) => void): Promise<Timed> {
  const shell = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  const start = performance.now();
  const child = spawn('npm', args, { cwd: REPO_ROOT, env: { ...shell, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const watch = watchPeakRss(child.pid ?? 0, 500);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Progress bars go to stderr: show them as they come.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const { peakMiB } = watch.stop();
  if (code !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`);
  const seconds = (performance.now() - start) / 1000;
  log(`npm ${args.join(' ')}: ${seconds.toFixed(1)} s, peak ${peakMiB} MiB`);
  return { seconds, peakMiB, output };
}

/** The reconcile CLI prints its result as JSON after its progress lines. */
function reconcileResult(output: string): ReconcileResult {
  const json = output.slice(output.indexOf('{'));
  return JSON.parse(json) as ReconcileResult;
}

/** Keystroke → results painted on the system's own /search/ page. */
async function keystrokesOn(system: RunningSystem, queries: number) {
  const browser = await launchChromium();
  try {
    const page = await openSearchPage(browser, `${system.siteUrl}/search/`);
    const typed = await typeQueries(page, await keystrokeQueries(system.strapiUrl, system.readToken, queries));
    return { painted: summarize(typed.samples.painted), missed: typed.missed, nothingFound: typed.nothingFound };
  } finally {
    await browser.close();
  }
}

/** Publish/edit/unpublish → live, publish → searchable, keystroke → painted, reindex vs floor. */
async function latencies(system: RunningSystem, samples: number, log: (line: string) => void) {
  log(`publish / edit / unpublish → live, ${samples} samples each`);
  const live = Object.fromEntries(liveRows(await liveSamples(system, samples, log)).map((row) => [row.kind, row]));
  log(`publish → searchable, ${samples * 2} samples`);
  const searchable = await searchableSamples(system, samples * 2, log);
  log('keystroke → painted in Chromium');
  const keystroke = await keystrokesOn(system, samples * 5);
  log('reindex, then the floor: Meilisearch alone with the same documents');
  const ours = await ourReindex(system.meili, system.env);
  const floorSeconds = await floorRun(system.meili, false);
  const reindex = { seconds: ours.seconds, docs: ours.docs, floorSeconds, ofFloor: ratio(floorSeconds, ours.seconds) };
  return { live, searchable: { ...summarize(searchable.times), timeouts: searchable.timeouts }, keystroke, reindex };
}

/**
 * One size: a fresh `npm start` system in bench/.work/scale-N, `npm run generate` of N articles
 * into it while it runs, `search-sync reconcile` until searchable and built, a restart (whose
 * start-up is the site's full build), then the latencies a reader and an editor feel, each part's
 * memory and disk. Writes results/scale-*.json.
 */
async function scaleRun(articles: number, samples: number): Promise<void> {
  const recording = startRecording();
  const log = stepLog(`scale ${articles}`);
  const dir = path.join(WORK_DIR, `scale-${articles}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = await stackEnv(dir);
  // runningSystem() and the CLIs read the system through these, as an operator's shell would.
  Object.assign(process.env, env);
  let stack: StackRun | undefined;
  try {
    log('npm start: a fresh system with the seeded content');
    stack = await startStack(env, START_TIMEOUT_MS);
    await (await runningSystem()).idle();

    log(`generate ${articles} articles into the running CMS`);
    const generate = await npm(['run', 'generate', '--', '--articles', String(articles)], env, log);

    log('search-sync reconcile: until every article is searchable, then built');
    const reconcileStart = performance.now();
    const reconciled = await npm(['run', 'reconcile', '-w', 'search-sync'], env, log);
    const repair = reconcileResult(reconciled.output);
    let system = await runningSystem();
    // The command stops waiting after a while and leaves the rest queued for the running service.
    let indexed = 0;
    await waitFor(
      `all ${repair.published} published documents (articles, pages, salary bands) to be in their indexes`,
      async () => {
        const counts = await Promise.all([INDEX_UID, PAGES_INDEX_UID, SALARIES_INDEX_UID].map((uid) => documentCount(system.meili, uid)));
        indexed = counts.reduce((a, b) => a + b, 0);
        return indexed >= repair.published;
      },
      { timeoutMs: 3 * 3_600_000, intervalMs: 1_000 },
    );
    const searchableSeconds = (performance.now() - reconcileStart) / 1000;
    await system.idle();
    const builtSeconds = (performance.now() - reconcileStart) / 1000;
    log(
      `reconcile: ${repair.published} published, ${indexed} indexed; searchable ${searchableSeconds.toFixed(1)} s, built ${builtSeconds.toFixed(1)} s`,
    );

    log('restart: npm start again, its site server builds everything before it serves');
    await stack.stop();
    const restartStart = performance.now();
    stack = await startStack(env, START_TIMEOUT_MS);
    const restartSeconds = (performance.now() - restartStart) / 1000;
    system = await runningSystem();
    await system.idle();
    const siteStatus = await system.siteStatus();
    const siteAtStart = memoryByPart(stack.partPids()).site;
    log(
      `full build: ${((siteStatus.current?.ms ?? NaN) / 1000).toFixed(1)} s, ${siteStatus.current?.pages} files, site peak ${siteAtStart.peakMiB} MiB`,
    );

    const measured = await latencies(system, samples, log);
    const memory = memoryByPart(stack.partPids());
    const disk = diskByPart(stack.dataDir);
    const data = {
      params: { articles, samples },
      generate: { seconds: generate.seconds, peakMiB: generate.peakMiB },
      reconcile: { published: repair.published, missing: repair.missing, indexed, searchableSeconds, builtSeconds },
      fullBuild: {
        seconds: (siteStatus.current?.ms ?? NaN) / 1000,
        pages: siteStatus.current?.pages ?? 0,
        kind: siteStatus.current?.kind ?? null,
        siteServerPeakMiB: siteAtStart.peakMiB,
        restartSeconds,
      },
      ...measured,
      memory,
      disk,
      loadAvgAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
    console.log(`\n${scaleSummary(data)}`);
    console.log(`results: ${recording.write('scale', data)}`);
  } finally {
    await stack?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- scale`: each size in turn, smallest first, each on its own fresh system. */
export async function scaleBench(opts: { sizes: number[]; samples: number }): Promise<void> {
  for (const articles of opts.sizes) await scaleRun(articles, opts.samples);
}
