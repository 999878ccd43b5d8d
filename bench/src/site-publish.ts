import fs from 'node:fs';
import type { SiteStatus } from '@stackguide/contracts/site-status';
import { waitFor } from '@stackguide/test-kit';
import { stepLog } from '@stackguide/runtime';
import { makeRunDir } from './paths.ts';
import { startRecording } from './results.ts';
import { summarize } from './stats.ts';
import { renderTable } from './table.ts';
import { token } from './publish-probe.ts';
import type { SystemUnderTest } from './running-system.ts';
import { runningSiteSystem, startSiteSystem } from './site-system.ts';

const TIMEOUT_MS = 60_000;

type Kind = 'publish' | 'edit' | 'unpublish';
/** One change timed until live, and the site build that made it live. */
export type Sample = { kind: Kind; ms: number; slug: string; build: SiteStatus['current'] };

/** Polls the served page every 25 ms until `live` says the change shows; ms since `start`, NaN on timeout. */
export async function until(siteUrl: string, slug: string, start: number, live: (res: Response) => Promise<boolean>): Promise<number> {
  try {
    await waitFor(`/articles/${slug}/ to change`, async () => live(await fetch(`${siteUrl}/articles/${slug}/`)), {
      timeoutMs: TIMEOUT_MS,
      intervalMs: 25,
    });
    return performance.now() - start;
  } catch {
    return Number.NaN;
  }
}

type Model = { documentId: string; slug: string; title: string; roles: { documentId: string }[]; skills: { documentId: string }[] };

export async function publishedArticles(t: SystemUnderTest, count: number): Promise<Model[]> {
  const res = await fetch(`${t.strapiUrl}/api/articles?pagination[pageSize]=${count}&sort=id:asc`, {
    headers: { authorization: `Bearer ${t.readToken}` },
  });
  return ((await res.json()) as { data: Awaited<ReturnType<typeof publishedArticles>> }).data;
}

/**
 * `samples` of each: a new article published (until its page answers 200), a published article's
 * title edited and published again (until its page shows the title), a probe unpublished (until
 * its page answers 404). Each starts when the system is idle and is timed from the publish request.
 * Afterwards the edited titles are published back and the probes deleted, even after a failure:
 * with `--running` these are the articles of a system someone uses.
 */
export async function sample(t: SystemUnderTest, samples: number, log: (line: string) => void): Promise<Sample[]> {
  const models = await publishedArticles(t, samples);
  const probes: { documentId: string; slug: string }[] = [];
  const edited = new Set<Model>();
  try {
    return await sampleChanges(t, samples, log, { models, probes, edited });
  } finally {
    for (const model of edited) {
      await t.admin.updateArticle(model.documentId, { title: model.title });
      await t.admin.publish(model.documentId);
    }
    for (const probe of probes) await t.admin.deleteDocument(probe.documentId);
    await t.idle();
    log(`restored ${edited.size} edited titles, deleted ${probes.length} probes`);
  }
}

async function sampleChanges(
  t: SystemUnderTest,
  samples: number,
  log: (line: string) => void,
  { models, probes, edited }: { models: Model[]; probes: { documentId: string; slug: string }[]; edited: Set<Model> },
): Promise<Sample[]> {
  const out: Sample[] = [];
  const relate = (items: { documentId: string }[]) => ({ connect: items.map((r) => ({ documentId: r.documentId })) });
  for (let i = 0; i < samples; i++) {
    const model = models[i % models.length]!;
    const id = token();
    const slug = `site-publish-${id}`;
    const { documentId } = await t.admin.createArticle({
      title: `Site publish probe ${id}`,
      slug,
      excerpt: 'Published by the site-publish bench.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: `Probe ${id}.` }] }],
      authorName: 'Bench',
      roles: relate(model.roles),
      skills: relate(model.skills),
    });
    probes.push({ documentId, slug });
    await t.idle();
    const start = performance.now();
    await t.admin.publish(documentId);
    out.push({
      kind: 'publish',
      slug,
      ms: await until(t.siteUrl, slug, start, async (res) => res.status === 200),
      build: (await t.siteStatus()).current,
    });
  }
  log(`publish: ${samples} samples`);
  for (let i = 0; i < samples; i++) {
    const model = models[i % models.length]!;
    const title = `Edited by the site-publish bench ${token()}`;
    edited.add(model);
    await t.admin.updateArticle(model.documentId, { title });
    await t.idle();
    const start = performance.now();
    await t.admin.publish(model.documentId);
    out.push({
      kind: 'edit',
      slug: model.slug,
      ms: await until(t.siteUrl, model.slug, start, async (res) => res.ok && (await res.text()).includes(title)),
      build: (await t.siteStatus()).current,
    });
  }
  log(`edit: ${samples} samples`);
  for (const probe of probes) {
    await t.idle();
    const start = performance.now();
    await t.admin.unpublish(probe.documentId);
    out.push({
      kind: 'unpublish',
      slug: probe.slug,
      ms: await until(t.siteUrl, probe.slug, start, async (res) => res.status === 404),
      build: (await t.siteStatus()).current,
    });
  }
  log(`unpublish: ${samples} samples`);
  return out;
}

/** Per kind of change: samples, timeouts, ms to live (p50/p95/…), and the site build's ms and files rendered (p50). */
export function liveRows(samples: readonly Sample[]) {
  return (['publish', 'edit', 'unpublish'] as const).map((kind) => {
    const times = samples.filter((s) => s.kind === kind);
    const ok = times.filter((s) => Number.isFinite(s.ms)).map((s) => s.ms);
    const builds = times.flatMap((t) => (t.build ? [t.build] : []));
    return {
      kind,
      samples: times.length,
      timeouts: times.length - ok.length,
      ...summarize(ok),
      buildMs: summarize(builds.map((b) => b.ms)).p50,
      rendered: summarize(builds.map((b) => b.rendered)).p50,
    };
  });
}

/** Bench: publish → page live on the site, through CMS → webhook → search-sync → build hook → incremental build. */
export async function sitePublishBench(opts: { articles: number; samples: number; running: boolean }): Promise<void> {
  const recording = startRecording();
  const log = stepLog('site-publish');
  const stops: (() => Promise<void>)[] = [];
  try {
    let target: SystemUnderTest;
    if (opts.running) target = await runningSiteSystem();
    else {
      const runDir = makeRunDir('site-publish-');
      // Last of all, after every process using it stopped: the database copy, Meilisearch's data, the site cache.
      stops.unshift(async () => fs.rmSync(runDir, { recursive: true, force: true }));
      target = await startSiteSystem(opts.articles, runDir, stops, log);
    }
    await target.idle();
    const samples = await sample(target, opts.samples, log);
    const rows = liveRows(samples);
    console.log(
      `\npublish → live on the site (${opts.running ? 'the running npm start system' : `${opts.articles} generated articles`}), ms from the publish request\n`,
    );
    console.log(
      renderTable(
        ['change', 'n', 'timeouts', 'p50', 'p95', 'max', 'site build ms p50', 'files rendered p50'],
        rows.map((r) => [r.kind, r.samples, r.timeouts, r.p50, r.p95, r.max, r.buildMs, r.rendered]),
      ),
    );
    for (const r of rows) console.log(`${r.kind}: p95 ≤ 5 s ${r.p95 <= 5_000 && r.timeouts === 0 ? 'met' : 'NOT met'}`);
    const file = recording.write('site-publish', { params: opts, rows, samples });
    console.log(`results: ${file}`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}
