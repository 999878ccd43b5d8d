import { stepLog } from '@stackguide/runtime';
import { startSystem } from '../system.ts';
import { burst, converge } from './burst.ts';
import { startRecording } from '../results.ts';
import { reportDrill } from './report.ts';

/**
 * Drill: 100 publishes on each CMS at once; Meilisearch is SIGKILLed after the 20th of ours and
 * restarted 20 s later, while the bursts keep going. Then the exact comparison, for both.
 */
export async function meiliKillDrill(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('drill meili-kill');
  try {
    let restarted: Promise<void> | undefined;
    const killAt = Math.max(1, Math.floor(opts.samples / 5));
    const [ours, plugin] = await Promise.all([
      burst(system.ours.admin, opts.samples, (done) => {
        if (done !== killAt) return;
        log(`SIGKILL Meilisearch after ${done} publishes; restart in 20 s`);
        process.kill(-system.meiliProcess.child.process.pid!, 'SIGKILL');
        restarted = new Promise((r) => setTimeout(r, 20_000)).then(() => system.restartMeili()).then(() => log('Meilisearch restarted'));
      }),
      burst(system.peer.admin, opts.samples),
    ]);
    await restarted;
    log('bursts done; comparing until converged (max 120 s each)');
    const [oursVerdict, pluginVerdict] = await Promise.all([converge(system, 'ours'), converge(system, 'plugin')]);
    reportDrill(recording, 'meili-kill', `Meilisearch SIGKILLed during a burst of ${opts.samples} publishes, restarted after 20 s`, [
      { system: 'ours', burst: ours, verdict: oursVerdict },
      {
        system: 'plugin 0.16.5',
        burst: plugin,
        verdict: pluginVerdict,
        note: 'the plugin indexes inside the publish request and does not retry; a full reindex from the admin is its repair',
      },
    ]);
  } finally {
    await system.stop();
  }
}
