import { stepLog } from '@stackguide/runtime';
import { startSystem } from '../system.ts';
import { burst, converge } from './burst.ts';
import { startRecording } from '../results.ts';
import { reportDrill } from './report.ts';

/**
 * Drill: a burst of publishes, then our Strapi is stopped for 30 s right away, while search-sync
 * still has webhooks to apply (it fetches each document from Strapi), and started again.
 */
export async function strapiStopDrill(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('drill strapi-stop');
  try {
    const result = await burst(system.ours.admin, opts.samples);
    const queued = await system.ours.sync.status();
    log(`burst done (queue depth ${queued.queueDepth}); stopping Strapi for 30 s`);
    await system.bounceOurCms(30_000);
    log('Strapi back; comparing until converged');
    const verdict = await converge(system, 'ours');
    const status = await system.ours.sync.status();
    reportDrill(
      recording,
      'strapi-stop',
      `Strapi stopped for 30 s right after a burst of ${opts.samples} publishes`,
      [
        {
          system: 'ours',
          burst: result,
          verdict,
          note: `queue depth when Strapi stopped: ${queued.queueDepth}; dead letters after: ${Array.isArray(status.deadLetters) ? status.deadLetters.length : status.deadLetters}`,
        },
        { system: 'plugin 0.16.5', note: 'not applicable: the plugin lives in the Strapi process, so nothing indexes while it is down' },
      ],
      { queueDepthAtStop: queued.queueDepth },
    );
  } finally {
    await system.stop();
  }
}
