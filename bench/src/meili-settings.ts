import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startMeili, type MeiliIndexing } from '@stackguide/test-kit';
import { stepLog } from '@stackguide/runtime';
import { indexedDocuments } from './indexed-documents.ts';
import { bulkLoad, meiliCall, type Meili } from './meili-http.ts';
import { makeRunDir } from './paths.ts';
import { watchPeakRss } from './resources.ts';
import { startRecording } from './results.ts';
import { summarize } from './stats.ts';
import { renderTable } from './table.ts';
import { token } from './publish-probe.ts';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

type Candidate = { label: string; indexing: MeiliIndexing };

/** What Meilisearch 1.21 picks itself: two thirds of the machine's memory, every core. */
const meiliDefaultMemory = Math.floor((os.totalmem() * 2) / 3);

const CANDIDATES: Candidate[] = [
  {
    label: `Meilisearch default (⅔ of RAM, ${(meiliDefaultMemory / GiB).toFixed(1)} GiB)`,
    indexing: { maxIndexingMemory: meiliDefaultMemory },
  },
  { label: '4 GiB', indexing: { maxIndexingMemory: 4 * GiB } },
  { label: '2 GiB', indexing: { maxIndexingMemory: 2 * GiB } },
  { label: '1 GiB', indexing: { maxIndexingMemory: GiB } },
  { label: '512 MiB', indexing: { maxIndexingMemory: 512 * MiB } },
  { label: '256 MiB', indexing: { maxIndexingMemory: 256 * MiB } },
  { label: '128 MiB', indexing: { maxIndexingMemory: 128 * MiB } },
  { label: '256 MiB, 1 thread', indexing: { maxIndexingMemory: 256 * MiB, maxIndexingThreads: 1 } },
];

type Trial = { bulkSeconds: number; roundTripMs: number[]; taskMs: number[]; settingsSeconds: number; peakMiB: number };

/** `PT0.012345S` (Meilisearch's task duration) in milliseconds. */
const isoMs = (duration: string) => Number(/PT([\d.]+)S/.exec(duration)?.[1] ?? NaN) * 1000;

/** Sends one write and polls its task every 2 ms; returns the round trip and Meilisearch's own task duration (ms). */
async function timedTask(m: Meili, method: string, route: string, body: unknown): Promise<{ roundTripMs: number; taskMs: number }> {
  const start = performance.now();
  const { data } = await meiliCall<{ taskUid: number }>(m, method, route, body);
  for (;;) {
    const { data: task } = await meiliCall<{ status: string; duration: string | null }>(m, 'GET', `/tasks/${data.taskUid}`);
    if (task.status === 'succeeded') return { roundTripMs: performance.now() - start, taskMs: isoMs(task.duration ?? '') };
    if (task.status === 'failed' || task.status === 'canceled') throw new Error(`task ${data.taskUid} (${method} ${route}) ${task.status}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * One candidate on a fresh Meilisearch: bulk-load every document (timed), add `samples` new
 * documents one task each, as a publish does, then change the stop words, as an editor saving the
 * vocabulary does (Meilisearch re-indexes every document for it).
 */
async function trial(
  candidate: Candidate,
  docs: Record<string, unknown>[],
  settings: Record<string, unknown>,
  samples: number,
): Promise<Trial> {
  const runDir = makeRunDir('meili-settings-');
  const masterKey = `bench-${token()}-${token()}`;
  const proc = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey, port: await freePort(), indexing: candidate.indexing });
  const peak = watchPeakRss(proc.child.process.pid!);
  const m: Meili = { url: proc.url, key: masterKey };
  try {
    const bulkSeconds = await bulkLoad(m, 'articles', settings, docs);
    const roundTripMs: number[] = [];
    const taskMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = token();
      const source = docs[(i * 7919) % docs.length]!;
      const doc = { ...source, id: `probe-${t}`, slug: `probe-${t}`, title: `${String(source.title)} ${t}` };
      const timed = await timedTask(m, 'POST', '/indexes/articles/documents', [doc]);
      roundTripMs.push(timed.roundTripMs);
      taskMs.push(timed.taskMs);
    }
    const stopWords = [...((settings.stopWords as string[] | undefined) ?? []), `zq${token()}`];
    const settingsSeconds = (await timedTask(m, 'PATCH', '/indexes/articles/settings', { stopWords })).roundTripMs / 1000;
    return { bulkSeconds, roundTripMs, taskMs, settingsSeconds, peakMiB: peak.stop().peakMiB };
  } finally {
    // Again on failure: the watcher's timer would keep the bench process alive after its error.
    peak.stop();
    await proc.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

/**
 * Which indexing limits suit Meilisearch best here: each candidate bulk-loads the documents our
 * system makes of the fixture (the reindex floor) and then takes single-document additions (what a
 * publish costs Meilisearch). Candidates rotate order each run so load drift hits them alike.
 */
export async function meiliSettingsBench(opts: { articles: number; samples: number; runs: number }): Promise<void> {
  const recording = startRecording();
  const log = stepLog('meili-settings');
  const { settings, documents } = await indexedDocuments(opts.articles, log);
  log(`${documents.length} documents; ${CANDIDATES.length} candidates × ${opts.runs} runs, ${opts.samples} single additions each`);
  const trials = new Map<Candidate, Trial[]>(CANDIDATES.map((c) => [c, []]));
  for (let run = 0; run < opts.runs; run++) {
    const order = CANDIDATES.map((_, i) => CANDIDATES[(i + run) % CANDIDATES.length]!);
    for (const candidate of order) {
      const t = await trial(candidate, documents, settings, opts.samples);
      trials.get(candidate)!.push(t);
      const rt = summarize(t.roundTripMs);
      log(
        `run ${run + 1}/${opts.runs} ${candidate.label}: bulk ${t.bulkSeconds.toFixed(1)} s, single p50 ${rt.p50.toFixed(0)} ms p95 ${rt.p95.toFixed(0)} ms, stop words ${t.settingsSeconds.toFixed(1)} s, peak ${t.peakMiB} MiB (load ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
  const rows = CANDIDATES.map((c) => {
    const ts = trials.get(c)!;
    const bulk = summarize(ts.map((t) => t.bulkSeconds));
    const rt = summarize(ts.flatMap((t) => t.roundTripMs));
    const task = summarize(ts.flatMap((t) => t.taskMs));
    const settingsUpdate = summarize(ts.map((t) => t.settingsSeconds));
    return {
      label: c.label,
      indexing: c.indexing,
      bulk,
      docsPerSecond: documents.length / bulk.p50,
      roundTrip: rt,
      task,
      settingsUpdate,
      peakMiB: Math.max(...ts.map((t) => t.peakMiB)),
    };
  });
  console.log(`\nMeilisearch indexing limits, ${documents.length} documents, ${opts.runs} runs × ${opts.samples} single additions (ms)\n`);
  console.log(
    renderTable(
      ['indexing limits', 'bulk s p50', 'docs/s', 'single p50', 'p95', 'max', 'task p50', 'task p95', 'stop words s p50', 'peak RSS MiB'],
      rows.map((r) => [
        r.label,
        r.bulk.p50,
        r.docsPerSecond,
        r.roundTrip.p50,
        r.roundTrip.p95,
        r.roundTrip.max,
        r.task.p50,
        r.task.p95,
        r.settingsUpdate.p50,
        r.peakMiB,
      ]),
    ),
  );
  const file = recording.write('meili-settings', {
    params: opts,
    documents: documents.length,
    rows,
    trials: [...trials].map(([c, ts]) => ({ label: c.label, trials: ts })),
  });
  console.log(`results: ${file}`);
}
