import fs from 'node:fs';
import path from 'node:path';
import { embedderSettings, INDEX_UID } from '@stackguide/contracts/search-index';
import { allDocuments, bulkLoad, documentCount, indexingFloor, meiliCall, waitForIdleIndex, type Meili } from './meili-http.ts';
import { ARTICLE_UID, PLUGIN_INDEX } from './plugin-cms.ts';
import { stepLog } from '@stackguide/runtime';
import { startRecording } from './results.ts';
import { searchLoop, type LoopCounts } from './search-loop.ts';
import { spawnSearchSync } from './search-sync-process.ts';
import { watchPeakRss } from './resources.ts';
import { percentile, ratio, summarize } from './stats.ts';
import { startSystem, type System } from './system.ts';
import { renderTable } from './table.ts';
import { runningSystem } from './running-system.ts';

export type Run = { seconds: number; docs: number; docsPerSecond: number; loop: LoopCounts };

/** Ours: `search-sync reindex` (fresh index + atomic swap), timed from spawn to exit, as a user runs it. */
export async function ourReindex(meili: Meili, syncEnv: Record<string, string>): Promise<Run> {
  const loop = searchLoop(meili, INDEX_UID);
  const start = performance.now();
  const output: string[] = [];
  const child = spawnSearchSync('reindex', syncEnv, (line) => output.push(line));
  const code = await child.exited;
  const seconds = (performance.now() - start) / 1000;
  const counts = await loop.stop();
  if (code !== 0) throw new Error(`search-sync reindex failed (exit ${code}):\n${output.slice(-20).join('\n')}`);
  const docs = await documentCount(meili, INDEX_UID);
  return { seconds, docs, docsPerSecond: docs / seconds, loop: counts };
}

/** The plugin's reindex (the admin "update" action: delete the index, re-add every entry), timed until Meilisearch is idle. */
async function pluginReindex(system: System): Promise<Run> {
  const loop = searchLoop(system.meili, PLUGIN_INDEX);
  const start = performance.now();
  await system.peer.admin.request('PUT', '/meilisearch/content-type', { contentType: ARTICLE_UID });
  await waitForIdleIndex(system.meili, PLUGIN_INDEX);
  const seconds = (performance.now() - start) / 1000;
  const counts = await loop.stop();
  const docs = await documentCount(system.meili, PLUGIN_INDEX);
  return { seconds, docs, docsPerSecond: docs / seconds, loop: counts };
}

/**
 * The ways of giving 10,000 articles their vectors, each timed once: ours with an empty vector store
 * (every text embedded through the embedder), and Meilisearch calling the rest embedder for each
 * document itself (documents sent without vectors into an index with the embedder). The embedder's
 * peak RSS is taken over both.
 */
async function embeddingRuns(system: System, log: (line: string) => void) {
  const { meili, ours } = system;
  const coldDir = fs.mkdtempSync(path.join(system.runDir, 'cold-'));
  const rss = watchPeakRss(ours.embedder.child.process.pid ?? 0);
  const cold = await ourReindex(meili, { ...ours.syncEnv, SEARCH_SYNC_DATA_DIR: coldDir });
  log(`ours with an empty vector store: ${cold.docs} docs in ${cold.seconds.toFixed(1)} s`);
  const docs = (await allDocuments(meili, INDEX_UID)).map(({ _vectors, ...doc }) => doc);
  const { data: settings } = await meiliCall<Record<string, unknown>>(meili, 'GET', `/indexes/${INDEX_UID}/settings`);
  const scratch = `${INDEX_UID}_meili_embeds`;
  const meiliEmbeds = await bulkLoad(
    meili,
    scratch,
    { ...settings, embedders: embedderSettings(ours.embedder.url, ours.embedder.apiKey) },
    docs,
  ).finally(() => meiliCall(meili, 'DELETE', `/indexes/${scratch}`));
  log(`Meilisearch embedding every document through the rest embedder: ${meiliEmbeds.toFixed(1)} s`);
  return { coldSeconds: cold.seconds, meiliEmbedsSeconds: meiliEmbeds, docs: cold.docs, embedderPeakMiB: rss.stop().peakMiB };
}

type Who = 'ours' | 'plugin' | 'floor' | 'loadedFloor';
const ROTATION: readonly Who[] = ['ours', 'plugin', 'floor', 'loadedFloor'];

/** Meilisearch alone indexing the index's documents into a scratch index, optionally under the search loop. */
export async function floorRun(meili: Meili, loaded: boolean): Promise<number> {
  const loop = loaded ? searchLoop(meili, INDEX_UID) : undefined;
  return indexingFloor(meili, INDEX_UID).finally(() => loop?.stop());
}

/**
 * Bench 2: full reindex, ours vs the plugin, each with a concurrent search loop on the index being
 * rebuilt, and the floor both share: Meilisearch indexing the same documents with no Strapi, alone
 * and under the same search loop. All four run in every round, in an order that rotates from round
 * to round, and ours is compared with the floors of its own round: on a shared VM the speed drifts
 * over minutes by more than the gap being measured, so floors timed at the end of the bench would
 * compare ours with a different machine. `running`: the system `npm start` runs, without the
 * plugin (`search-sync reindex` with its .env, as `npm run reindex -w search-sync` runs it).
 */
export async function reindexBench(opts: { articles: number; runs: number; running?: boolean }): Promise<void> {
  const recording = startRecording();
  const running = opts.running ? await runningSystem() : undefined;
  const system = running ? undefined : await startSystem(opts.articles);
  const meili = running?.meili ?? system!.meili;
  const syncEnv = running?.env ?? system!.ours.syncEnv;
  const rotation = system ? ROTATION : ROTATION.filter((who) => who !== 'plugin');
  const log = stepLog('reindex');
  try {
    const runs = { ours: [] as Run[], plugin: [] as Run[] };
    const floorSeconds: number[] = [];
    const loadedFloorSeconds: number[] = [];
    const pairs: { ofFloor: number; ofLoadedFloor: number }[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const order = rotation.map((_, k) => rotation[(k + i) % rotation.length]!);
      for (const who of order) {
        if (who === 'floor' || who === 'loadedFloor') {
          const seconds = await floorRun(meili, who === 'loadedFloor');
          (who === 'floor' ? floorSeconds : loadedFloorSeconds).push(seconds);
          log(
            `run ${i + 1}/${opts.runs} ${who === 'floor' ? 'floor, Meilisearch alone' : 'floor under the search loop'}: ${seconds.toFixed(1)} s`,
          );
          continue;
        }
        const run = who === 'ours' ? await ourReindex(meili, syncEnv) : await pluginReindex(system!);
        runs[who].push(run);
        log(
          `run ${i + 1}/${opts.runs} ${who}: ${run.docs} docs in ${run.seconds.toFixed(1)} s, searches ${run.loop.searches}, failed ${run.loop.failed}, empty ${run.loop.empty}`,
        );
      }
      // Same documents, so the speed ratio is the inverse of the time ratio.
      const oursSeconds = runs.ours.at(-1)!.seconds;
      pairs.push({ ofFloor: ratio(floorSeconds.at(-1)!, oursSeconds), ofLoadedFloor: ratio(loadedFloorSeconds.at(-1)!, oursSeconds) });
      log(
        `run ${i + 1}/${opts.runs}: ours at ${pairs.at(-1)!.ofFloor.toFixed(2)}× the floor's speed (${pairs.at(-1)!.ofLoadedFloor.toFixed(2)}× under the loop)`,
      );
    }
    const embedding = system ? await embeddingRuns(system, log) : undefined;
    const row = (label: string, r: Run[]) => {
      const rate = summarize(r.map((x) => x.docsPerSecond));
      const sum = (k: keyof LoopCounts) => r.reduce((a, x) => a + x.loop[k], 0);
      return {
        label,
        rate,
        seconds: summarize(r.map((x) => x.seconds)),
        searches: sum('searches'),
        failed: sum('failed'),
        empty: sum('empty'),
      };
    };
    const ours = row('ours (new index + swap)', runs.ours);
    const plugin = row('plugin 0.16.5 (delete + re-add)', runs.plugin);
    const docs = runs.ours[0]?.docs ?? 0;
    const floorRow = (label: string, seconds: number[]) => ({
      label,
      rate: summarize(seconds.map((s) => docs / s)),
      seconds: summarize(seconds),
    });
    const floor = floorRow('floor: Meilisearch alone, same documents', floorSeconds);
    const loadedFloor = floorRow('floor under the same search loop', loadedFloorSeconds);
    const speedup = ratio(ours.rate.p50, plugin.rate.p50);
    console.log(
      `\nfull reindex of ${running ? 'the running npm start system' : `${opts.articles} generated articles (+ demo content)`}, ${opts.runs} rounds\n`,
    );
    console.log(
      renderTable(
        ['system', 'runs', 'docs/s p50', 'docs/s min', 'seconds p50', 'searches', 'failed', 'empty'],
        [
          ...(running ? [ours] : [ours, plugin]).map((r) => [
            r.label,
            r.rate.n,
            r.rate.p50,
            r.rate.min,
            r.seconds.p50,
            r.searches,
            r.failed,
            r.empty,
          ]),
          ...[floor, loadedFloor].map((f) => [f.label, f.rate.n, f.rate.p50, f.rate.min, f.seconds.p50, '', '', '']),
        ],
      ),
    );
    const ofFloor = percentile(
      pairs.map((p) => p.ofFloor),
      0.5,
    );
    const ofLoadedFloor = percentile(
      pairs.map((p) => p.ofLoadedFloor),
      0.5,
    );
    const unpaired = ratio(ours.rate.p50, floor.rate.p50);
    console.log(
      `\nours / floor, round by round: ${pairs.map((p) => `${p.ofFloor.toFixed(2)}×`).join(', ')} (under the loop: ${pairs.map((p) => `${p.ofLoadedFloor.toFixed(2)}×`).join(', ')}); medians of all rounds pooled: ${unpaired.toFixed(2)}× (ours includes process start and the closing reconcile)`,
    );
    console.log(
      `\nours/floor (median of rounds): ${ofFloor.toFixed(2)}× — target ≥ 0.9×: ${ofFloor >= 0.9 ? 'met' : 'NOT met'} (under the same search loop ${ofLoadedFloor.toFixed(2)}×)${running ? '' : `; ours/plugin ${speedup.toFixed(2)}×`}; ours failed ${ours.failed}, empty ${ours.empty} — target 0/0: ${ours.failed + ours.empty === 0 ? 'met' : 'NOT met'}`,
    );
    if (embedding)
      console.log(
        `\nembedding every article: ours with an empty vector store ${embedding.coldSeconds.toFixed(1)} s, Meilisearch calling the embedder itself ${embedding.meiliEmbedsSeconds.toFixed(1)} s (${embedding.docs} documents; embedder peak RSS ${embedding.embedderPeakMiB} MiB)`,
      );
    const file = recording.write('reindex', {
      params: opts,
      embedding,
      ours,
      plugin: running ? null : plugin,
      floor,
      loadedFloor,
      speedup,
      ofFloor,
      ofLoadedFloor,
      unpaired,
      pairs,
      runs,
    });
    console.log(`results: ${file}`);
  } finally {
    await system?.stop();
  }
}
