import { publishedSet } from '../compare.ts';
import { stepLog } from '@stackguide/runtime';
import { startSystem, type System } from '../system.ts';
import { burst, converge } from './burst.ts';
import { startRecording } from '../results.ts';
import { reportDrill } from './report.ts';

const EVENTS = 1_000;
const WINDOW_MS = 10_000;

/**
 * The storm's payloads for real documents: repeated publishes, updates, out-of-order unpublish and
 * delete events for documents that are in fact still published (search-sync must trust Strapi, not
 * the event), `entry: null` publishes, and events for models search-sync ignores.
 */
export function stormEvents(documentIds: string[], count: number, seed = 7): Record<string, unknown>[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  const old = new Date(Date.now() - 3_600_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const documentId = documentIds[next() % documentIds.length]!;
    const entry = { id: 1 + (next() % 10_000), documentId };
    const at = new Date().toISOString();
    switch (i % 8) {
      case 0:
      case 1:
      case 2:
        return { event: 'entry.publish', createdAt: at, model: 'article', uid: 'api::article.article', entry };
      case 3:
        return { event: 'entry.update', createdAt: at, model: 'article', uid: 'api::article.article', entry };
      case 4:
        return { event: 'entry.unpublish', createdAt: old, model: 'article', uid: 'api::article.article', entry };
      case 5:
        return { event: 'entry.delete', createdAt: old, model: 'article', uid: 'api::article.article', entry };
      case 6:
        return { event: 'entry.publish', createdAt: at, model: 'article', uid: 'api::article.article', entry: null };
      default:
        return { event: 'entry.create', createdAt: at, model: 'user', uid: 'plugin::users-permissions.user', entry: { id: 1 } };
    }
  });
}

async function send(system: System, body: Record<string, unknown>): Promise<number> {
  try {
    const res = await fetch(`${system.ours.sync.url}/webhooks/strapi`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${system.fixture.secrets.WEBHOOK_SECRET}` },
      body: JSON.stringify(body),
    });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}

/** Drill: 1,000 webhook events in 10 s (paced), with 20 real publishes going on meanwhile. */
export async function webhookStormDrill(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('drill webhook-storm');
  try {
    const ids = [...(await publishedSet(system.ours.cms.url, system.fixture.secrets.STRAPI_READ_TOKEN)).keys()];
    const events = stormEvents(ids, EVENTS);
    const statuses: Record<string, number> = {};
    const start = performance.now();
    log(`${EVENTS} events over ${WINDOW_MS / 1000} s, 20 real publishes meanwhile`);
    const [, real] = await Promise.all([
      (async () => {
        for (let i = 0; i < events.length; i += 10) {
          const codes = await Promise.all(events.slice(i, i + 10).map((e) => send(system, e)));
          for (const c of codes) statuses[c] = (statuses[c] ?? 0) + 1;
          const due = ((i + 10) / events.length) * WINDOW_MS - (performance.now() - start);
          if (due > 0) await new Promise((r) => setTimeout(r, due));
        }
      })(),
      burst(system.ours.admin, 20),
    ]);
    const stormSeconds = (performance.now() - start) / 1000;
    const verdict = await converge(system, 'ours');
    reportDrill(
      recording,
      'webhook-storm',
      `webhook storm: ${EVENTS} events in ${stormSeconds.toFixed(1)} s (duplicates, out-of-order, entry: null, ignored models) + 20 real publishes`,
      [
        { system: 'ours', burst: real, verdict, note: `HTTP statuses: ${JSON.stringify(statuses)}` },
        { system: 'plugin 0.16.5', note: 'not applicable: the plugin has no webhook intake' },
      ],
      { statuses, stormSeconds },
    );
  } finally {
    await system.stop();
  }
}
