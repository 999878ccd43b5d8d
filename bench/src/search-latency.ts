import { INDEX_UID } from '@stackguide/contracts/search-index';
import { SEARCH_RESULTS } from '@stackguide/contracts/search-queries';
import { search } from './meili-http.ts';
import { PLUGIN_INDEX } from './plugin-cms.ts';
import { stepLog } from '@stackguide/runtime';
import { cmsNames, realisticQueries } from './queries.ts';
import { processTree, statusKiB } from './resources.ts';
import { startRecording } from './results.ts';
import { ratio, summarize } from './stats.ts';
import { startSystem } from './system.ts';
import { renderTable } from './table.ts';

/** Peak RSS (VmHWM) of a process tree in MiB, summed over its live processes. */
function peakMiB(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  return Math.round(processTree(pid).reduce((a, p) => a + statusKiB(p, 'VmHWM'), 0) / 1024);
}

/**
 * Bench 4+5: 200 realistic queries with the site's display parameters against both indexes
 * (alternating), processingTimeMs and round trip; then the peak RSS of every long-running part.
 */
export async function searchLatencyBench(opts: { articles: number; runs: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('search');
  try {
    const queries = realisticQueries(await cmsNames(system.ours.cms.url, system.fixture.secrets.STRAPI_READ_TOKEN), 200);
    const rows = {
      ours: { rtt: [] as number[], proc: [] as number[], empty: 0, failed: 0 },
      plugin: { rtt: [] as number[], proc: [] as number[], empty: 0, failed: 0 },
    };
    for (let round = 0; round < opts.runs; round++) {
      for (const [i, q] of queries.entries()) {
        const order = (i + round) % 2 === 0 ? (['ours', 'plugin'] as const) : (['plugin', 'ours'] as const);
        for (const who of order) {
          const start = performance.now();
          const answer = await search(system.meili, who === 'ours' ? INDEX_UID : PLUGIN_INDEX, { q, limit: 10, ...SEARCH_RESULTS });
          const r = rows[who];
          r.rtt.push(performance.now() - start);
          if (answer.status !== 200) r.failed++;
          else {
            r.proc.push(answer.processingTimeMs);
            if (answer.hits.length === 0) r.empty++;
          }
        }
      }
      log(`round ${round + 1}/${opts.runs}: ${queries.length} queries × 2 indexes`);
    }
    const s = (k: 'ours' | 'plugin') => ({
      rtt: summarize(rows[k].rtt),
      proc: summarize(rows[k].proc),
      empty: rows[k].empty,
      failed: rows[k].failed,
    });
    const ours = s('ours');
    const plugin = s('plugin');
    console.log(
      `\nsearch at ${opts.articles} generated articles: ${queries.length} queries × ${opts.runs} rounds, site display parameters (ms)\n`,
    );
    console.log(
      renderTable(
        ['index', 'queries', 'failed', 'no hits', 'processingTimeMs p50', 'p95', 'round trip p50', 'p95', 'p99'],
        [
          ['articles (ours)', ours.rtt.n, ours.failed, ours.empty, ours.proc.p50, ours.proc.p95, ours.rtt.p50, ours.rtt.p95, ours.rtt.p99],
          [
            'articles_plugin',
            plugin.rtt.n,
            plugin.failed,
            plugin.empty,
            plugin.proc.p50,
            plugin.proc.p95,
            plugin.rtt.p50,
            plugin.rtt.p95,
            plugin.rtt.p99,
          ],
          [
            'ours / plugin',
            null,
            null,
            null,
            ratio(ours.proc.p50, plugin.proc.p50),
            ratio(ours.proc.p95, plugin.proc.p95),
            ratio(ours.rtt.p50, plugin.rtt.p50),
            ratio(ours.rtt.p95, plugin.rtt.p95),
            null,
          ],
        ],
      ),
    );
    const resources = {
      'our CMS (Strapi)': peakMiB(system.ours.cms.child.process.pid),
      'search-sync serve': peakMiB(system.ours.sync.child.process.pid),
      embedder: peakMiB(system.ours.embedder.child.process.pid),
      'plugin CMS (Strapi + plugin)': peakMiB(system.peer.cms.child.process.pid),
      'Meilisearch (both indexes)': peakMiB(system.meiliProcess.child.process.pid),
    };
    console.log(`\npeak RSS (VmHWM) since start, after initial indexing and the searches, ${opts.articles} generated articles\n`);
    console.log(renderTable(['process', 'peak RSS MiB'], Object.entries(resources)));
    const file = recording.write('search', { params: opts, queries, ours, plugin, resourcesPeakMiB: resources });
    console.log(`results: ${file}`);
  } finally {
    await system.stop();
  }
}
