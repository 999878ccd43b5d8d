import { INDEX_UID } from '@stackguide/contracts/search-index';
import { benchArticle, sample, timePublish, token } from './publish-probe.ts';
import { PLUGIN_INDEX } from './plugin-cms.ts';
import { stepLog } from '@stackguide/runtime';
import { startRecording } from './results.ts';
import { ratio, summarize } from './stats.ts';
import { runningSystem, type RunningSystem } from './running-system.ts';
import { startSystem } from './system.ts';
import { renderTable } from './table.ts';

const TARGET_P95_MS = 150;

/** search-sync's log line for a batch it wrote: when (epoch ms) and how long each stage took. */
type Applied = { time: number; upserted: number; stages: { queuedMs: number; fetchMs: number; heldMs: number; writeMs: number } };

/** Where one of our samples spent its time (ms), from search-sync's log line for it. */
type Stages = { strapiToWebhook: number; queued: number; fetch: number; write: number; searchable: number };

function parseApplied(line: string): Applied | undefined {
  if (!line.includes('applied changes to the index')) return undefined;
  try {
    const entry = JSON.parse(line) as Partial<Applied>;
    return entry.stages && typeof entry.time === 'number' ? (entry as Applied) : undefined;
  } catch {
    return undefined;
  }
}

/** What publish → searchable samples on a running system gave: totals (ms), the publish requests alone, timeouts. */
export type SearchableSamples = { times: number[]; publishTimes: number[]; timeouts: number };

/**
 * Publish → searchable on a running system, one probe at a time, each started when search-sync and
 * the site are idle (the site rebuilds after every publish); each probe is deleted afterwards.
 */
export async function searchableSamples(system: RunningSystem, samples: number, log: (line: string) => void): Promise<SearchableSamples> {
  const times: number[] = [];
  const publishTimes: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < samples; i++) {
    const t = token();
    const { documentId } = await system.admin.createArticle(benchArticle(t));
    await system.idle();
    const s = await timePublish(system.admin, system.search, INDEX_UID, documentId, t).finally(() =>
      system.admin.deleteDocument(documentId),
    );
    publishTimes.push(s.publish);
    if (Number.isNaN(s.total)) timeouts++;
    else times.push(s.total);
    if ((i + 1) % 20 === 0) log(`${i + 1}/${samples} samples`);
  }
  await system.idle();
  return { times, publishTimes, timeouts };
}

/** `--running`: searchableSamples against the system `npm start` runs, searched with the search-only key a reader's browser gets. */
async function runningPublishLatency(samples: number): Promise<void> {
  const recording = startRecording();
  const system = await runningSystem();
  const { times, publishTimes, timeouts } = await searchableSamples(system, samples, stepLog('publish'));
  const ours = summarize(times);
  console.log(`\npublish → searchable on the running npm start system, ${samples} samples (ms)\n`);
  console.log(
    renderTable(
      ['system', 'n', 'timeouts', 'p50', 'p95', 'p99', 'max', 'publish request p50'],
      [['npm start', ours.n, timeouts, ours.p50, ours.p95, ours.p99, ours.max, summarize(publishTimes).p50]],
    ),
  );
  console.log(
    `target p95 ≤ ${TARGET_P95_MS} ms: ${ours.p95 <= TARGET_P95_MS && timeouts === 0 ? 'met' : 'NOT met'} (${ours.p95.toFixed(0)} ms)`,
  );
  const file = recording.write('publish-latency', {
    params: { samples, running: true },
    ours,
    timeouts,
    publishRequest: summarize(publishTimes),
    samplesMs: times,
  });
  console.log(`results: ${file}`);
}

/**
 * Splits one of our samples by search-sync's log line for the write that made it searchable: Strapi
 * until the webhook was queued, waiting in the queue, the re-fetch from Strapi (the index's copy is
 * read alongside), the write (Meilisearch task included), and until the bench's search saw it.
 */
async function stagesOf(applied: Applied[], s: { startedAt: number; foundAt: number }): Promise<Stages | undefined> {
  const line = () => applied.find((a) => a.upserted > 0 && a.time >= s.startedAt);
  const entry = line() ?? (await new Promise((r) => setTimeout(r, 200)).then(line));
  if (!entry) return undefined;
  const { queuedMs, fetchMs, writeMs } = entry.stages;
  const queuedAt = entry.time - writeMs - fetchMs - queuedMs;
  return { strapiToWebhook: queuedAt - s.startedAt, queued: queuedMs, fetch: fetchMs, write: writeMs, searchable: s.foundAt - entry.time };
}

/** Bench 1: publish → searchable, ours and the plugin alternating sample by sample (`running`: the npm start system alone). */
export async function publishLatency(opts: { articles: number; samples: number; running?: boolean }): Promise<void> {
  if (opts.running) return runningPublishLatency(opts.samples);
  const recording = startRecording();
  const applied: Applied[] = [];
  const system = await startSystem(opts.articles, {
    onSyncLine: (line) => {
      const entry = parseApplied(line);
      if (entry) applied.push(entry);
    },
  });
  const log = stepLog('publish');
  try {
    const times = { ours: [] as number[], plugin: [] as number[] };
    const meaning: number[] = [];
    let meaningTimeouts = 0;
    const stages: Stages[] = [];
    const publishTimes = { ours: [] as number[], plugin: [] as number[] };
    let timeouts = { ours: 0, plugin: 0 };
    for (let i = 0; i < opts.samples; i++) {
      const order = i % 2 === 0 ? (['ours', 'plugin'] as const) : (['plugin', 'ours'] as const);
      for (const who of order) {
        const s =
          who === 'ours'
            ? await sample(system.ours.admin, system.meili, INDEX_UID, true)
            : await sample(system.peer.admin, system.meili, PLUGIN_INDEX);
        if (who === 'ours' && !Number.isNaN(s.total)) {
          if (Number.isNaN(s.meaning)) meaningTimeouts++;
          else meaning.push(s.meaning);
        }
        publishTimes[who].push(s.publish);
        const split = who === 'ours' && !Number.isNaN(s.total) ? await stagesOf(applied, s) : undefined;
        if (split) stages.push(split);
        if (who === 'ours') applied.length = 0;
        if (Number.isNaN(s.total)) timeouts = { ...timeouts, [who]: timeouts[who] + 1 };
        else times[who].push(s.total);
      }
      if ((i + 1) % 20 === 0) log(`${i + 1}/${opts.samples} samples`);
    }
    const ours = summarize(times.ours);
    const plugin = summarize(times.plugin);
    const oursMeaning = summarize(meaning);
    console.log(`\npublish → searchable, ${opts.samples} samples each, ${opts.articles} generated articles (ms)\n`);
    console.log(
      renderTable(
        ['system', 'n', 'timeouts', 'p50', 'p95', 'p99', 'max', 'publish request p50'],
        [
          ['ours (webhook → search-sync)', ours.n, timeouts.ours, ours.p50, ours.p95, ours.p99, ours.max, summarize(publishTimes.ours).p50],
          [
            'plugin 0.16.5 (document middleware)',
            plugin.n,
            timeouts.plugin,
            plugin.p50,
            plugin.p95,
            plugin.p99,
            plugin.max,
            summarize(publishTimes.plugin).p50,
          ],
          ['ours / plugin', null, null, ratio(ours.p50, plugin.p50), ratio(ours.p95, plugin.p95), ratio(ours.p99, plugin.p99), null, null],
          [
            'ours, found by meaning',
            oursMeaning.n,
            meaningTimeouts,
            oursMeaning.p50,
            oursMeaning.p95,
            oursMeaning.p99,
            oursMeaning.max,
            null,
          ],
        ],
      ),
    );
    const stageNames: [keyof Stages, string][] = [
      ['strapiToWebhook', "publish request sent → first webhook queued (the admin's entry.update)"],
      ['queued', 'waiting in the queue'],
      ['fetch', 're-fetch from Strapi, waiting for the publish to commit (index copy read alongside)'],
      ['write', 'index write, Meilisearch tasks included (words, then vectors)'],
      ['searchable', 'written → the bench search sees it (negative: found before the vector was in)'],
    ];
    const stageSummaries = Object.fromEntries(stageNames.map(([key]) => [key, summarize(stages.map((x) => x[key]))]));
    console.log(`\nwhere ours spends it (ms, ${stages.length} samples matched to search-sync's log)\n`);
    console.log(
      renderTable(
        ['stage', 'p50', 'p95', 'max'],
        stageNames.map(([key, label]) => [label, stageSummaries[key]!.p50, stageSummaries[key]!.p95, stageSummaries[key]!.max]),
      ),
    );
    console.log(
      `\nMeilisearch: max indexing memory ${system.indexing.maxIndexingMemory} B, threads ${system.indexing.maxIndexingThreads ?? 'all'} (both systems)`,
    );
    console.log(`target ours p95 ≤ ${TARGET_P95_MS} ms: ${ours.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'} (${ours.p95.toFixed(0)} ms)`);
    const file = recording.write('publish-latency', {
      params: opts,
      meiliIndexing: system.indexing,
      ours,
      plugin,
      timeouts,
      oursMeaning,
      meaningTimeouts,
      publishRequest: { ours: summarize(publishTimes.ours), plugin: summarize(publishTimes.plugin) },
      oursStages: stageSummaries,
      samplesMs: { ...times, meaning },
    });
    console.log(`results: ${file}`);
  } finally {
    await system.stop();
  }
}
