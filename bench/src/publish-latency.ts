import crypto from 'node:crypto';
import { WaitError, waitFor, type AdminClient } from '@stackguide/test-kit';
import { INDEX_UID } from '@stackguide/search-sync/contract';
import { search, type Meili } from './meili-http.ts';
import { PLUGIN_INDEX } from './plugin-cms.ts';
import { stepLog } from '@stackguide/runtime';
import { startRecording } from './results.ts';
import { ratio, summarize } from './stats.ts';
import { startSystem } from './system.ts';
import { renderTable } from './table.ts';

const TIMEOUT_MS = 15_000;

/** A draft article whose title carries a token no other document has, so a search finds only it. */
export function benchArticle(token: string): Record<string, unknown> {
  return {
    title: `Bench ${token} publish probe`,
    slug: `bench-${token}`,
    excerpt: `Probe article ${token} written by the benchmark to time publish to searchable.`,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: `Body of probe ${token}.` }] }],
    authorName: 'Bench',
  };
}

export const token = () => `zq${crypto.randomBytes(5).toString('hex')}`;

/**
 * Publishes a prepared draft and polls search every 5 ms until it is found. `total` runs from
 * sending the publish request (NaN on timeout); `publish` is the request alone (Strapi's own share).
 */
async function sample(admin: AdminClient, meili: Meili, index: string): Promise<{ total: number; publish: number }> {
  const t = token();
  const { documentId } = await admin.createArticle(benchArticle(t));
  const start = performance.now();
  await admin.publish(documentId);
  const publish = performance.now() - start;
  try {
    const found = async () => (await search(meili, index, { q: t, limit: 1, attributesToRetrieve: ['slug'] })).hits.length > 0;
    await waitFor(`probe ${t} to be searchable`, found, { timeoutMs: TIMEOUT_MS, intervalMs: 5 });
    return { total: performance.now() - start, publish };
  } catch (err) {
    if (err instanceof WaitError) return { total: NaN, publish };
    throw err;
  }
}

/** Bench 1: publish → searchable, ours and the plugin alternating sample by sample. */
export async function publishLatency(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('publish');
  try {
    const times = { ours: [] as number[], plugin: [] as number[] };
    const publishTimes = { ours: [] as number[], plugin: [] as number[] };
    let timeouts = { ours: 0, plugin: 0 };
    for (let i = 0; i < opts.samples; i++) {
      const order = i % 2 === 0 ? (['ours', 'plugin'] as const) : (['plugin', 'ours'] as const);
      for (const who of order) {
        const s = who === 'ours' ? await sample(system.ours.admin, system.meili, INDEX_UID) : await sample(system.peer.admin, system.meili, PLUGIN_INDEX);
        publishTimes[who].push(s.publish);
        if (Number.isNaN(s.total)) timeouts = { ...timeouts, [who]: timeouts[who] + 1 };
        else times[who].push(s.total);
      }
      if ((i + 1) % 20 === 0) log(`${i + 1}/${opts.samples} samples`);
    }
    const ours = summarize(times.ours);
    const plugin = summarize(times.plugin);
    console.log(`\npublish → searchable, ${opts.samples} samples each, ${opts.articles} generated articles (ms)\n`);
    console.log(
      renderTable(
        ['system', 'n', 'timeouts', 'p50', 'p95', 'p99', 'max', 'publish request p50'],
        [
          ['ours (webhook → search-sync)', ours.n, timeouts.ours, ours.p50, ours.p95, ours.p99, ours.max, summarize(publishTimes.ours).p50],
          ['plugin 0.16.5 (document middleware)', plugin.n, timeouts.plugin, plugin.p50, plugin.p95, plugin.p99, plugin.max, summarize(publishTimes.plugin).p50],
          ['ours / plugin', null, null, ratio(ours.p50, plugin.p50), ratio(ours.p95, plugin.p95), ratio(ours.p99, plugin.p99), null, null],
        ],
      ),
    );
    console.log(`\ntarget ours p95 ≤ 300 ms: ${ours.p95 <= 300 ? 'met' : 'NOT met'} (${ours.p95.toFixed(0)} ms)`);
    const file = recording.write('publish-latency', { params: opts, ours, plugin, timeouts, publishRequest: { ours: summarize(publishTimes.ours), plugin: summarize(publishTimes.plugin) }, samplesMs: times });
    console.log(`results: ${file}`);
  } finally {
    await system.stop();
  }
}
