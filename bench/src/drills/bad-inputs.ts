import { stepLog } from '@stackguide/runtime';
import { startSystem, type System } from '../system.ts';
import { renderTable } from '../table.ts';
import { burst, converge } from './burst.ts';
import { startRecording } from '../results.ts';
import { reportDrill } from './report.ts';

type BadCase = { name: string; expect: number; headers: Record<string, string>; body: string };

function badCases(secret: string): BadCase[] {
  const valid = JSON.stringify({
    event: 'entry.publish',
    createdAt: new Date().toISOString(),
    model: 'article',
    uid: 'api::article.article',
    entry: { id: 1, documentId: 'zzzznotreal' },
  });
  const json = { 'Content-Type': 'application/json' };
  const auth = { Authorization: `Bearer ${secret}` };
  return [
    { name: 'no secret', expect: 401, headers: json, body: valid },
    { name: 'wrong secret', expect: 401, headers: { ...json, Authorization: 'Bearer wrong-secret-value' }, body: valid },
    { name: 'bad JSON', expect: 400, headers: { ...json, ...auth }, body: '{"event": "entry.publish", ' },
    {
      name: '1 MB body',
      expect: 413,
      headers: { ...json, ...auth },
      body: JSON.stringify({ event: 'entry.publish', model: 'article', entry: { documentId: 'x', pad: 'a'.repeat(1_048_576) } }),
    },
    { name: 'wrong content type', expect: 415, headers: { 'Content-Type': 'text/plain', ...auth }, body: valid },
    { name: 'unknown model', expect: 202, headers: { ...json, ...auth }, body: valid.replace('"model":"article"', '"model":"invoice"') },
    { name: 'missing fields', expect: 400, headers: { ...json, ...auth }, body: '{"hello":"world"}' },
  ];
}

async function post(system: System, c: BadCase): Promise<number> {
  try {
    const res = await fetch(`${system.ours.sync.url}/webhooks/strapi`, { method: 'POST', headers: c.headers, body: c.body });
    await res.body?.cancel();
    return res.status;
  } catch (err) {
    // A server that closes the socket on an oversized body is a refusal too; report it as 0.
    return err instanceof Error ? 0 : -1;
  }
}

/** Drill: each bad input 20 times while 20 real publishes go through; status codes and nothing valid lost. */
export async function badInputsDrill(opts: { articles: number; samples: number }): Promise<void> {
  const recording = startRecording();
  const system = await startSystem(opts.articles);
  const log = stepLog('drill bad-inputs');
  try {
    const cases = badCases(system.fixture.secrets.WEBHOOK_SECRET);
    const seen = new Map<string, Record<number, number>>();
    log('7 kinds of bad input × 20, 20 real publishes meanwhile');
    const [, real] = await Promise.all([
      (async () => {
        for (let round = 0; round < 20; round++) {
          for (const c of cases) {
            const code = await post(system, c);
            const counts = seen.get(c.name) ?? {};
            counts[code] = (counts[code] ?? 0) + 1;
            seen.set(c.name, counts);
          }
        }
      })(),
      burst(system.ours.admin, 20),
    ]);
    const verdict = await converge(system, 'ours');
    const rows = cases.map((c) => [c.name, c.expect, JSON.stringify(seen.get(c.name)), seen.get(c.name)?.[c.expect] === 20 ? 'yes' : 'NO']);
    console.log(`\nbad webhook inputs (20 each)\n`);
    console.log(renderTable(['input', 'expected', 'statuses seen', 'as expected'], rows));
    reportDrill(
      recording,
      'bad-inputs',
      'bad inputs beside 20 real publishes: nothing valid lost',
      [{ system: 'ours', burst: real, verdict }],
      {
        cases: cases.map((c) => ({ name: c.name, expected: c.expect, seen: seen.get(c.name) })),
      },
    );
  } finally {
    await system.stop();
  }
}
