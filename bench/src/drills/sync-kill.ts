import { INDEX_UID } from '@stackguide/contracts/search-index';
import { stepLog } from '@stackguide/runtime';
import { spawnSearchSync } from '../search-sync-process.ts';
import { startSystem } from '../system.ts';
import { burst, converge } from './burst.ts';
import { startRecording } from '../results.ts';
import { reportDrill } from './report.ts';

/**
 * Drill: search-sync SIGKILLed during a burst of publishes (restarted 5 s later), then a reindex
 * SIGKILLed half-way and run again. The plugin has no separate process to kill, so ours only.
 */
export async function syncKillDrill(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('drill sync-kill');
  try {
    let restarted: Promise<void> | undefined;
    const killAt = Math.max(1, Math.floor(opts.samples / 3));
    const burstResult = await burst(system.ours.admin, opts.samples, (done) => {
      if (done !== killAt) return;
      log(`SIGKILL search-sync after ${done} publishes; restart in 5 s (Strapi's webhooks meanwhile fail)`);
      process.kill(-system.ours.sync.child.process.pid!, 'SIGKILL');
      restarted = new Promise((r) => setTimeout(r, 5_000)).then(() => system.restartSync()).then(() => log('search-sync restarted'));
    });
    await restarted;
    const duringBurst = await converge(system, 'ours');
    log(`burst part converged: ${JSON.stringify(duringBurst)}`);

    log('reindex, SIGKILLed after 3 s, then run again');
    const first = spawnSearchSync('reindex', system.ours.syncEnv);
    await new Promise((r) => setTimeout(r, 3_000));
    process.kill(-first.process.pid!, 'SIGKILL');
    await first.exited;
    const second = spawnSearchSync('reindex', system.ours.syncEnv);
    const code = await second.exited;
    const afterReindex = await converge(system, 'ours');
    const indexes = (await (
      await fetch(`${system.meili.url}/indexes?limit=100`, { headers: { Authorization: `Bearer ${system.meili.key}` } })
    ).json()) as { results: { uid: string }[] };
    const leftovers = indexes.results.map((i) => i.uid).filter((uid) => uid.startsWith(`${INDEX_UID}_`) && uid !== 'articles_plugin');
    reportDrill(
      recording,
      'sync-kill',
      `search-sync SIGKILLed during a burst of ${opts.samples} publishes (restarted after 5 s) and during a reindex (run again)`,
      [
        { system: 'ours, killed mid-burst', burst: burstResult, verdict: duringBurst },
        {
          system: 'ours, reindex killed + rerun',
          verdict: afterReindex,
          note: `second reindex exit ${code}; leftover temp indexes: ${leftovers.length ? leftovers.join(', ') : 'none'}`,
        },
        { system: 'plugin 0.16.5', note: 'not applicable: the plugin runs inside Strapi (see strapi-stop)' },
      ],
      { leftoverIndexes: leftovers, secondReindexExit: code },
    );
  } finally {
    await system.stop();
  }
}
