import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { stepLog } from '@stackguide/runtime';
import { BEACON_PATH, beaconBody, clientAddress, type PageKind, searchBodies, sitePages } from './load-mix.ts';
import { makeRunDir } from './paths.ts';
import { token } from './publish-probe.ts';
import { cmsNames, realisticQueries } from './queries.ts';
import { startRecording } from './results.ts';
import { publishedArticles, until } from './site-publish.ts';
import { runningSiteSystem, type SiteSystem, startSiteSystem } from './site-system.ts';
import { summarize } from './stats.ts';
import { renderTable } from './table.ts';

/** Connections per endpoint: 32 visitors' worth in all, most of them reading pages. */
const CONNECTIONS: Record<PageKind | 'search' | 'analytics', number> = { home: 3, article: 8, list: 4, role: 3, search: 10, analytics: 4 };
/** Beacons per second, spread over client addresses so each stays at 12 a minute, under the 30 search-sync allows one client. */
const BEACONS_PER_SECOND = 40;
const BEACON_CLIENTS = 200;
const PUBLISH_EVERY_MS = 3_000;
const WARMUP_MS = 3_000;

/** What a visitor does: reads the site, searches, or reports a search. */
export type EndpointGroup = 'site' | 'search' | 'analytics';
type Endpoint = { name: string; group: EndpointGroup; connections: number; options: autocannon.Options; refusedAsDesigned?: number };
export type EndpointFigures = {
  name: string;
  group: EndpointGroup;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Errors and, of those, requests unanswered within autocannon's 10 s timeout. */
  errors: number;
  timeouts: number;
  refused: number;
  statusCodes: Record<string, number>;
  seconds: number;
};

/** A request whose path or body rotates through `values`, one per request, across all connections. */
function rotating(
  base: autocannon.Request,
  values: string[],
  set: (req: autocannon.Request, value: string, n: number) => void,
): autocannon.Request[] {
  let n = 0;
  const setupRequest = (req: autocannon.Request) => {
    set(req, values[n % values.length]!, n);
    n++;
    return req;
  };
  return [{ ...base, setupRequest }];
}

function endpoints(t: SiteSystem, pages: Record<PageKind, string[]>, searches: string[], beacons: string[]): Endpoint[] {
  const page = (kind: PageKind): Endpoint => ({
    name: `site: ${kind}`,
    group: 'site',
    connections: CONNECTIONS[kind],
    options: { url: t.siteUrl, requests: rotating({ method: 'GET' }, pages[kind], (req, path) => (req.path = path)) },
  });
  const json = { 'content-type': 'application/json', origin: t.siteOrigin };
  return [
    page('home'),
    page('article'),
    page('list'),
    page('role'),
    {
      name: 'search (multi-search, results + facets)',
      group: 'search',
      connections: CONNECTIONS.search,
      options: {
        url: t.search.url,
        requests: rotating(
          { method: 'POST', path: '/multi-search', headers: { ...json, authorization: `Bearer ${t.search.key}` } },
          searches,
          (req, body) => (req.body = body),
        ),
      },
    },
    {
      name: 'analytics beacon (POST /analytics)',
      group: 'analytics',
      connections: CONNECTIONS.analytics,
      refusedAsDesigned: 429,
      options: {
        url: t.syncUrl,
        overallRate: BEACONS_PER_SECOND,
        requests: rotating({ method: 'POST', path: BEACON_PATH, headers: json }, beacons, (req, body, n) => {
          req.body = body;
          req.headers = { ...json, 'x-forwarded-for': clientAddress(n, BEACON_CLIENTS) };
        }),
      },
    },
  ];
}

function figures(e: Endpoint, r: autocannon.Result): EndpointFigures {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const refused = e.refusedAsDesigned ? (statusCodes[String(e.refusedAsDesigned)] ?? 0) : 0;
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    name: e.name,
    group: e.group,
    connections: e.connections,
    requests: answered,
    rps: answered / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + (answered - ok - refused),
    timeouts: r.timeouts,
    refused,
    statusCodes,
    seconds: r.duration,
  };
}

/** An editor publishing `samples` new articles, one every few seconds; each timed until its page is live. */
async function editor(t: SiteSystem, samples: number, log: (line: string) => void) {
  const [model] = await publishedArticles(t, 1);
  const relate = (items: { documentId: string }[] = []) => ({ connect: items.map((r) => ({ documentId: r.documentId })) });
  const probes: string[] = [];
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const slug = `load-probe-${token()}`;
    const { documentId } = await t.admin.createArticle({
      title: `Load probe ${slug}`,
      slug,
      excerpt: 'Published by the load bench while visitors read and search.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: `Probe ${slug}.` }] }],
      authorName: 'Bench',
      roles: relate(model?.roles),
      skills: relate(model?.skills),
    });
    probes.push(documentId);
    const start = performance.now();
    await t.admin.publish(documentId);
    ms.push(await until(t.siteUrl, slug, start, async (res) => res.status === 200));
    await new Promise((r) => setTimeout(r, Math.max(0, PUBLISH_EVERY_MS - (performance.now() - started))));
  }
  log(`editor: ${ms.length} publishes`);
  return { ms, probes };
}

/**
 * Bench: visitors reading pages (home, articles, lists, roles), searching as the search page does and
 * sending analytics beacons, all at once, while an editor publishes every few seconds; per endpoint
 * req/s, p50/p99 latency and errors, and publish → live on the site under that load. The load
 * generator (autocannon) runs in this process, on the same cores as the system.
 */
export async function loadBench(opts: { articles: number; samples: number; running: boolean }): Promise<void> {
  const recording = startRecording();
  const log = stepLog('load');
  const stops: (() => Promise<void>)[] = [];
  const probes: string[] = [];
  const stopLoad: (() => void)[] = [];
  let target: SiteSystem | undefined;
  try {
    if (opts.running) target = await runningSiteSystem();
    else {
      const runDir = makeRunDir('load-');
      stops.unshift(async () => fs.rmSync(runDir, { recursive: true, force: true }));
      target = await startSiteSystem(opts.articles, runDir, stops, log);
    }
    const t = target;
    await t.idle();
    const pages = await sitePages(t.siteUrl);
    const queries = realisticQueries(await cmsNames(t.strapiUrl, t.readToken));
    const roleSlugs = pages.role.map((p) => decodeURIComponent(p.split('/')[2]!));
    const list = endpoints(
      t,
      pages,
      searchBodies(queries, roleSlugs),
      queries.map((q, i) => beaconBody(q, i % 25)),
    );
    log(
      `${Object.entries(pages)
        .map(([k, v]) => `${v.length} ${k}`)
        .join(', ')} pages; ${Object.values(CONNECTIONS).reduce((a, b) => a + b)} connections`,
    );
    // Runs until the editor is done (a cap only guards against a hung editor), then stops every generator.
    const capSeconds = Math.ceil((WARMUP_MS + opts.samples * PUBLISH_EVERY_MS * 4) / 1000) + 60;
    const runs = list.map(
      (e) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon({ ...e.options, connections: e.connections, duration: capSeconds, timeout: 10 }, (err, result) =>
            err ? reject(err) : resolve(result),
          );
          stopLoad.push(() => instance.stop());
        }),
    );
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const publishing = await editor(t, opts.samples, log);
    for (const stop of stopLoad) stop();
    probes.push(...publishing.probes);
    const results = (await Promise.all(runs)).map((r, i) => figures(list[i]!, r));
    const seconds = Math.round(Math.max(...results.map((r) => r.seconds)));
    const loadAvgAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
    const live = publishing.ms.filter(Number.isFinite);
    const publish = {
      ...summarize(live),
      samples: publishing.ms.length,
      timeouts: publishing.ms.length - live.length,
      everyMs: PUBLISH_EVERY_MS,
    };

    console.log(
      `\nunder load (${opts.running ? 'the running npm start system' : `${opts.articles} generated articles`}), ${seconds} s, load generator on the same machine\n`,
    );
    console.log(
      renderTable(
        ['endpoint', 'connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of them timeouts', '429 refused as designed'],
        results.map((r) => [r.name, r.connections, r.requests, Math.round(r.rps), r.p50, r.p99, r.errors, r.timeouts, r.refused]),
      ),
    );
    console.log(
      `\npublish → live on the site, ${publish.samples} publishes every ${PUBLISH_EVERY_MS / 1000} s: p50 ${Math.round(publish.p50)} ms, p95 ${Math.round(publish.p95)} ms, timeouts ${publish.timeouts}`,
    );
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    console.log(
      `0 errors: ${errors === 0 ? 'met' : `NOT met (${errors})`}; publish → live p95 ≤ 5 s: ${publish.p95 <= 5_000 && publish.timeouts === 0 ? 'met' : 'NOT met'}`,
    );
    console.log(`load average at the end: ${loadAvgAtEnd.join(' ')} (at the start: ${recording.machine.loadAvgAtStart.join(' ')})`);
    const file = recording.write('load', {
      params: { ...opts, connections: CONNECTIONS, beaconsPerSecond: BEACONS_PER_SECOND, beaconClients: BEACON_CLIENTS, seconds },
      endpoints: results,
      publish,
      loadAvgAtEnd,
      publishMs: publishing.ms,
    });
    console.log(`results: ${file}`);
  } finally {
    for (const stop of stopLoad) stop();
    for (const id of probes) await target?.admin.deleteDocument(id).catch(() => undefined);
    if (probes.length > 0) await target?.idle().catch(() => undefined);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}
