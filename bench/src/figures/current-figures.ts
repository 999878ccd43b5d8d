import { listAt, numberAt, stringAt } from './json.ts';
import { fig, figs, measuredOn, NONE, percent, score, times, verdict, workloadLabel } from './format.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { cleanVerdict, isDrill } from './drill-table.ts';
import { groupRps, loadVerdict } from './load-table.ts';
import { relevanceMet, relevanceTargets } from './search-tables.ts';
import { TARGETS } from './targets.ts';

type Row = { what: string; ours: string; anchor: string; target: string; met: boolean | undefined; entries: Entry[] };

/** The bench's latest result at its largest article count (the size its targets are set for). */
function largest(entries: readonly Entry[], bench: string): Entry | undefined {
  const sized = entries.filter((e) => e.bench === bench && !e.workload.running && e.workload.articles !== undefined);
  return sized.reduce<Entry | undefined>((best, e) => (!best || e.workload.articles! > best.workload.articles! ? e : best), undefined);
}

const running = (entries: readonly Entry[], bench: string) => entries.find((e) => e.bench === bench && e.workload.running);
const ms = (text: string) => (text === NONE ? NONE : `${text} ms`);
const s = (text: string) => (text === NONE ? NONE : `${text} s`);

function publishRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const f = e.figures;
  const p95 = numberAt(f, 'ours', 'p95');
  const plugin = figs(numberAt(f, 'plugin', 'p50'), numberAt(f, 'plugin', 'p95'));
  return [
    {
      what: e.workload.running
        ? 'publish → searchable on the running system, p50 / p95'
        : `publish → searchable, p50 / p95 (${workloadLabel(e.workload)})`,
      ours: ms(figs(numberAt(f, 'ours', 'p50'), p95)),
      anchor: plugin === NONE ? NONE : `plugin ${plugin} ms`,
      target: `p95 ≤ ${TARGETS.publishP95Ms} ms`,
      met: p95 === undefined ? undefined : p95 <= TARGETS.publishP95Ms,
      entries: [e],
    },
  ];
}

function reindexRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const f = e.figures;
  const where = e.workload.running ? 'on the running system' : `(${workloadLabel(e.workload)})`;
  const ofFloor = numberAt(f, 'ofFloor');
  const failed = numberAt(f, 'ours', 'failed');
  const empty = numberAt(f, 'ours', 'empty');
  const pluginSeconds = numberAt(f, 'plugin', 'seconds', 'p50');
  const pluginSearches = figs(numberAt(f, 'plugin', 'failed'), numberAt(f, 'plugin', 'empty'));
  return [
    {
      what: `reindex speed ÷ Meilisearch's floor, median of rounds ${where}`,
      ours: `${times(ofFloor)} (${s(fig(numberAt(f, 'ours', 'seconds', 'p50')))})`,
      anchor: [
        `floor ${s(fig(numberAt(f, 'floor', 'seconds', 'p50')))}`,
        pluginSeconds === undefined ? undefined : `plugin ${fig(pluginSeconds)} s`,
      ]
        .filter((a) => a !== undefined)
        .join(', '),
      target: `≥ ${TARGETS.reindexOfFloor}×`,
      met: ofFloor === undefined ? undefined : ofFloor >= TARGETS.reindexOfFloor,
      entries: [e],
    },
    {
      what: `searches failed / empty during a reindex ${where}`,
      ours: figs(failed, empty),
      anchor: pluginSearches === NONE ? NONE : `plugin ${pluginSearches}`,
      target: '0 / 0',
      met: failed === undefined || empty === undefined ? undefined : failed + empty === 0,
      entries: [e],
    },
  ];
}

function siteBuildRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const f = e.figures;
  const seconds = numberAt(f, 'strapi', 'p50');
  const peak = numberAt(f, 'strapiPeakMiB', 'p50');
  const page = numberAt(f, 'largestHtml', 'bytes');
  const label = workloadLabel(e.workload);
  return [
    {
      what: `full site build, time / peak memory (${label}, ${fig(numberAt(f, 'pages'))} files)`,
      ours: `${s(fig(seconds))} / ${fig(peak)} MiB`,
      anchor: `floor ${s(fig(numberAt(f, 'floor', 'p50')))}`,
      target: `< ${TARGETS.siteBuildSeconds} s / < 2 GiB`,
      met: seconds === undefined || peak === undefined ? undefined : seconds < TARGETS.siteBuildSeconds && peak < TARGETS.siteBuildPeakMiB,
      entries: [e],
    },
    {
      what: `largest HTML page (${label})`,
      ours: page === undefined ? NONE : `${fig(page / 1024)} KB`,
      anchor: NONE,
      target: `≤ ${fig(TARGETS.pageBytes / 1024)} KB`,
      met: page === undefined ? undefined : page <= TARGETS.pageBytes,
      entries: [e],
    },
  ];
}

function sitePublishRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const rows = listAt(e.figures, 'rows');
  const p95s = rows.map((r) => numberAt(r, 'p95'));
  const timeouts = rows.map((r) => numberAt(r, 'timeouts'));
  const complete = rows.length > 0 && p95s.every((p) => p !== undefined) && timeouts.every((t) => t !== undefined);
  return [
    {
      what: `${rows.map((r) => stringAt(r, 'kind') ?? '?').join(' / ')} → page live, p95 ${e.workload.running ? 'on the running system' : `(${workloadLabel(e.workload)})`}`,
      ours: s(figs(...p95s.map((p) => (p === undefined ? undefined : p / 1000)))),
      anchor: NONE,
      target: `p95 ≤ ${fig(TARGETS.pageLiveP95Ms / 1000)} s`,
      met: complete ? p95s.every((p) => p! <= TARGETS.pageLiveP95Ms) && timeouts.every((t) => t === 0) : undefined,
      entries: [e],
    },
  ];
}

function loadRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const judged = loadVerdict(e.figures);
  const rps = ['site', 'search', 'analytics'].map((group) => groupRps(e.figures, group));
  return [
    {
      what: `load: req/s pages / search / beacons; errors; page live p95 ${e.workload.running ? 'on the running system' : `(${workloadLabel(e.workload)})`}`,
      ours: `${figs(...rps)}; ${fig(judged.errors)} errors; ${s(fig(judged.p95 === undefined ? undefined : judged.p95 / 1000))}`,
      anchor: NONE,
      target: `0 errors; p95 ≤ ${fig(TARGETS.pageLiveP95Ms / 1000)} s`,
      met: judged.met,
      entries: [e],
    },
  ];
}

function keystrokeRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const p95 = numberAt(e.figures, 'summary', 'p95');
  const js = numberAt(e.figures, 'js', 'gzipBytes');
  return [
    {
      what: `keystroke → results painted, p50 / p95 (${workloadLabel(e.workload)})`,
      ours: ms(figs(numberAt(e.figures, 'summary', 'p50'), p95)),
      anchor: NONE,
      target: `p95 ≤ ${TARGETS.paintedP95Ms} ms`,
      met: p95 === undefined ? undefined : p95 <= TARGETS.paintedP95Ms,
      entries: [e],
    },
    {
      what: 'search JavaScript shipped, gzip',
      ours: js === undefined ? NONE : `${fig(js)} B`,
      anchor: NONE,
      target: `≤ ${fig(TARGETS.searchJsBytes)} B`,
      met: js === undefined ? undefined : js <= TARGETS.searchJsBytes,
      entries: [e],
    },
  ];
}

function searchRows(e: Entry | undefined): Row[] {
  if (!e) return [];
  const p95 = numberAt(e.figures, 'ours', 'proc', 'p95');
  const plugin = figs(numberAt(e.figures, 'plugin', 'proc', 'p50'), numberAt(e.figures, 'plugin', 'proc', 'p95'));
  return [
    {
      what: `results query processingTimeMs, p50 / p95 (${workloadLabel(e.workload)})`,
      ours: ms(figs(numberAt(e.figures, 'ours', 'proc', 'p50'), p95)),
      anchor: plugin === NONE ? NONE : `plugin's index ${plugin} ms`,
      target: `p95 ≤ ${TARGETS.processingP95Ms} ms`,
      met: p95 === undefined ? undefined : p95 <= TARGETS.processingP95Ms,
      entries: [e],
    },
  ];
}

/** One row per corpus: ours with meaning when it was measured (what visitors get with semantic search on; keyword beside it in bench/README), else keyword. */
function relevanceRows(entries: readonly Entry[]): Row[] {
  return entries.map((e) => {
    const t = relevanceTargets(e);
    const engine = (who: string) =>
      `${score(numberAt(e.figures, 'summaries', who, 'mrr10'))} / ${percent(numberAt(e.figures, 'summaries', who, 'zeroResultRate'))}`;
    const hybrid = numberAt(e.figures, 'summaries', 'hybrid', 'mrr10') !== undefined;
    const articles = e.workload.articles ?? 0;
    return {
      what: `relevance, ${fig(numberAt(e.figures, 'summaries', 'ours', 'queries'))} queries${articles ? ` (+${fig(articles)} articles)` : ''}: MRR@10 / zero results`,
      ours: engine(hybrid ? 'hybrid' : 'ours'),
      anchor: `Pagefind ${engine('pagefind')}`,
      target: `≥ ${t.mrr10} and ≥ Pagefind + ${t.marginOverPagefind} / ${percent(t.zeroResultRate)}`,
      met: relevanceMet(e, hybrid ? 'hybrid' : 'ours'),
      entries: [e],
    };
  });
}

function drillRows(entries: readonly Entry[]): Row[] {
  const drills = entries.filter(isDrill);
  if (drills.length === 0) return [];
  const ours = drills.map((e) =>
    listAt(e.figures, 'rows')
      .filter((r) => stringAt(r, 'system')?.startsWith('ours'))
      .map(cleanVerdict),
  );
  const clean = ours.filter((verdicts) => verdicts.length > 0 && verdicts.every((v) => v === true)).length;
  const plugin = drills.flatMap((e) =>
    listAt(e.figures, 'rows')
      .filter((r) => stringAt(r, 'system')?.startsWith('plugin') && cleanVerdict(r) === false)
      .map(
        (r) =>
          `plugin lost ${fig(numberAt(r, 'verdict', 'lost'))} of ${fig(numberAt(r, 'burst', 'published'))} (${e.bench.slice('drill-'.length)})`,
      ),
  );
  return [
    {
      what: 'fault drills: lost / extra / stale / duplicated',
      ours: clean === drills.length ? `0 in all ${drills.length} drills` : `0 in ${clean} of ${drills.length} drills`,
      anchor: plugin.length === 0 ? NONE : plugin.join('; '),
      target: '0 in every drill',
      met: ours.some((verdicts) => verdicts.some((v) => v === undefined)) ? undefined : clean === drills.length,
      entries: drills,
    },
  ];
}

/** The README's one table of current figures: the headline figure of every bench, with its anchor and target. */
export function currentFiguresTable(entries: readonly Entry[]): string {
  const rows: Row[] = [
    ...publishRows(largest(entries, 'publish-latency')),
    ...publishRows(running(entries, 'publish-latency')),
    ...reindexRows(largest(entries, 'reindex')),
    ...reindexRows(running(entries, 'reindex')),
    ...siteBuildRows(largest(entries, 'site-build')),
    ...sitePublishRows(largest(entries, 'site-publish')),
    ...sitePublishRows(running(entries, 'site-publish')),
    ...loadRows(largest(entries, 'load')),
    ...loadRows(running(entries, 'load')),
    ...keystrokeRows(largest(entries, 'keystroke')),
    ...searchRows(largest(entries, 'search')),
    ...relevanceRows(entries.filter((e) => e.bench === 'relevance')),
    ...drillRows(entries),
  ];
  return markdownTable(
    [
      { header: 'what' },
      { header: 'ours' },
      { header: 'anchor: plugin, Pagefind or floor' },
      { header: 'target' },
      { header: 'target met' },
      { header: 'measured on' },
    ],
    rows.map((r) => [
      r.what,
      r.ours,
      r.anchor,
      r.target,
      verdict(r.met),
      [...new Set(r.entries.map((e) => measuredOn(e.result)))].join('; '),
    ]),
  );
}
