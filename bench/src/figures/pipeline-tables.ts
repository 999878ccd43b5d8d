import { at, listAt, numberAt, stringAt } from './json.ts';
import { count, fig, figs, NONE, times, verdict, workloadLabel } from './format.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { ofBench, SOURCE_COLUMNS, sourceCells } from './source.ts';
import { TARGETS } from './targets.ts';

/** `timeouts` is `{ ours, plugin }` beside the plugin and a bare count with `--running`. */
const timeoutsOf = (f: unknown, who: 'ours' | 'plugin') =>
  typeof at(f, 'timeouts') === 'number' && who === 'ours' ? numberAt(f, 'timeouts') : numberAt(f, 'timeouts', who);

/**
 * publish → searchable (`publish-latency`): ours and the plugin, ours until found by meaning too (its
 * vectors in), Strapi's request, and where ours spends it.
 */
export function publishTable(entries: readonly Entry[]): string {
  const stages = ['strapiToWebhook', 'queued', 'fetch', 'write', 'searchable'];
  const rows = ofBench(entries, 'publish-latency').map((e) => {
    const f = e.figures;
    const oursTimeouts = timeoutsOf(f, 'ours');
    const p95 = numberAt(f, 'ours', 'p95');
    const split = stages.map((s) => numberAt(f, 'oursStages', s, 'p50'));
    return [
      workloadLabel(e.workload),
      fig(numberAt(f, 'ours', 'n')),
      figs(numberAt(f, 'ours', 'p50'), p95, numberAt(f, 'ours', 'p99')),
      figs(numberAt(f, 'plugin', 'p50'), numberAt(f, 'plugin', 'p95'), numberAt(f, 'plugin', 'p99')),
      figs(numberAt(f, 'oursMeaning', 'p50'), numberAt(f, 'oursMeaning', 'p95')),
      figs(
        numberAt(f, 'publishRequest', 'ours', 'p50') ?? numberAt(f, 'publishRequest', 'p50'),
        numberAt(f, 'publishRequest', 'plugin', 'p50'),
      ),
      split.every((s) => s === undefined) ? NONE : split.map(fig).join(' · '),
      figs(oursTimeouts, timeoutsOf(f, 'plugin')),
      verdict(p95 === undefined || oursTimeouts === undefined ? undefined : p95 <= TARGETS.publishP95Ms && oursTimeouts === 0),
      ...sourceCells(e),
    ];
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'samples', figures: true },
      { header: 'ours p50 / p95 / p99 ms', figures: true },
      { header: 'plugin p50 / p95 / p99 ms', figures: true },
      { header: 'ours found by meaning p50 / p95 ms', figures: true },
      { header: 'publish request p50 ms, ours / plugin', figures: true },
      { header: 'ours p50 ms: webhook · queue · re-read · write · seen', figures: true },
      { header: 'timeouts, ours / plugin', figures: true },
      { header: `p95 ≤ ${TARGETS.publishP95Ms} ms` },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/**
 * Full reindex: ours against the floors of its own rounds (documents and the floor's alike carry their
 * vectors when semantic search is on), the plugin, the searches during it, and what embedding every
 * article from nothing costs.
 */
export function reindexTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'reindex').map((e) => {
    const f = e.figures;
    const ofFloor = numberAt(f, 'ofFloor');
    const rounds = listAt(f, 'pairs').map((p) => numberAt(p, 'ofFloor'));
    const failed = numberAt(f, 'ours', 'failed');
    const empty = numberAt(f, 'ours', 'empty');
    return [
      workloadLabel(e.workload),
      fig(numberAt(f, 'ours', 'seconds', 'n')),
      fig(numberAt(f, 'ours', 'seconds', 'p50')),
      figs(numberAt(f, 'floor', 'seconds', 'p50'), numberAt(f, 'loadedFloor', 'seconds', 'p50')),
      rounds.length === 0 ? times(ofFloor) : `${times(ofFloor)} (${rounds.map(times).join(', ')})`,
      times(numberAt(f, 'ofLoadedFloor')),
      fig(numberAt(f, 'plugin', 'seconds', 'p50')),
      figs(numberAt(f, 'embedding', 'coldSeconds'), numberAt(f, 'embedding', 'meiliEmbedsSeconds')),
      `${figs(failed, empty)} · ${figs(numberAt(f, 'plugin', 'failed'), numberAt(f, 'plugin', 'empty'))}`,
      verdict(ofFloor === undefined ? undefined : ofFloor >= TARGETS.reindexOfFloor),
      verdict(failed === undefined || empty === undefined ? undefined : failed + empty === 0),
      ...sourceCells(e),
    ];
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'rounds', figures: true },
      { header: 'ours s p50', figures: true },
      { header: 'floor s p50, alone / under the search loop', figures: true },
      { header: 'ours / floor, median of rounds (each round)', figures: true },
      { header: 'ours / floor under the loop', figures: true },
      { header: 'plugin s p50', figures: true },
      { header: 'embedding every article, s: ours / Meilisearch calling the embedder', figures: true },
      { header: 'failed / empty searches, ours · plugin', figures: true },
      { header: `≥ ${TARGETS.reindexOfFloor}× the floor` },
      { header: '0 failed, 0 empty' },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/** Meilisearch's indexing limits: one row per candidate of each workload's latest run. */
export function meiliSettingsTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'meili-settings').flatMap((e) =>
    listAt(e.figures, 'rows').map((r, i) => [
      i === 0
        ? `${workloadLabel(e.workload)}, ${count(numberAt(e.figures, 'documents'), 'document')}, ${count(numberAt(e.result.params, 'runs'), 'run')}`
        : '',
      stringAt(r, 'label') ?? NONE,
      fig(numberAt(r, 'bulk', 'p50')),
      fig(numberAt(r, 'docsPerSecond')),
      figs(numberAt(r, 'roundTrip', 'p50'), numberAt(r, 'roundTrip', 'p95')),
      figs(numberAt(r, 'task', 'p50'), numberAt(r, 'task', 'p95')),
      fig(numberAt(r, 'settingsUpdate', 'p50')),
      fig(numberAt(r, 'peakMiB')),
      ...sourceCells(e, i === 0),
    ]),
  );
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'indexing limits' },
      { header: 'bulk load s p50', figures: true },
      { header: 'docs/s', figures: true },
      { header: 'one document, searchable p50 / p95 ms', figures: true },
      { header: 'its task p50 / p95 ms', figures: true },
      { header: 'stop-word change s', figures: true },
      { header: 'peak RSS MiB', figures: true },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/** "<seconds> (<files>)": an incremental build's time and the files it rendered, p50 of both. */
const incremental = (f: unknown, kind: 'edit' | 'publish') => {
  const seconds = numberAt(f, kind, 'seconds', 'p50');
  return seconds === undefined ? NONE : `${fig(seconds)} (${fig(numberAt(f, kind, 'rendered', 'p50'))})`;
};

/** Site build per size: full builds against Strapi and the floor, memory, and the incremental builds. */
export function siteBuildTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'site-build').map((e) => {
    const f = e.figures;
    const seconds = numberAt(f, 'strapi', 'p50');
    const peak = numberAt(f, 'strapiPeakMiB', 'p50');
    const judged = (e.workload.articles ?? 0) >= TARGETS.siteBuildFromArticles;
    return [
      workloadLabel(e.workload),
      fig(numberAt(f, 'pages')),
      fig(seconds),
      fig(numberAt(f, 'strapiCpuSeconds', 'p50')),
      fig(numberAt(f, 'floor', 'p50')),
      times(numberAt(f, 'ratio')),
      fig(peak),
      incremental(f, 'edit'),
      incremental(f, 'publish'),
      fig(numberAt(f, 'largestHtml', 'bytes')),
      fig(numberAt(f, 'js', 'gzipBytes')),
      judged
        ? verdict(
            seconds === undefined || peak === undefined ? undefined : seconds < TARGETS.siteBuildSeconds && peak < TARGETS.siteBuildPeakMiB,
          )
        : NONE,
      ...sourceCells(e),
    ];
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'files', figures: true },
      { header: 'full build s p50', figures: true },
      { header: 'its CPU s', figures: true },
      { header: 'floor s p50', figures: true },
      { header: 'full / floor', figures: true },
      { header: 'peak MiB', figures: true },
      { header: 'edit → incremental s (files)', figures: true },
      { header: 'new article → incremental s (files)', figures: true },
      { header: 'largest page B', figures: true },
      { header: 'JS gzip B', figures: true },
      { header: `< ${TARGETS.siteBuildSeconds} s and < 2 GiB (from ${fig(TARGETS.siteBuildFromArticles)} articles)` },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Publish, edit and unpublish → page live, one row per change of each workload. */
export function sitePublishTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'site-publish').flatMap((e) =>
    listAt(e.figures, 'rows').map((r, i) => {
      const p95 = numberAt(r, 'p95');
      const timeouts = numberAt(r, 'timeouts');
      return [
        i === 0 ? workloadLabel(e.workload) : '',
        stringAt(r, 'kind') ?? NONE,
        fig(numberAt(r, 'samples')),
        fig(seconds(numberAt(r, 'p50'))),
        fig(seconds(p95)),
        fig(seconds(numberAt(r, 'max'))),
        fig(seconds(numberAt(r, 'buildMs'))),
        fig(numberAt(r, 'rendered')),
        fig(timeouts),
        verdict(p95 === undefined || timeouts === undefined ? undefined : p95 <= TARGETS.pageLiveP95Ms && timeouts === 0),
        ...sourceCells(e, i === 0),
      ];
    }),
  );
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'change' },
      { header: 'samples', figures: true },
      { header: 'p50 s', figures: true },
      { header: 'p95 s', figures: true },
      { header: 'max s', figures: true },
      { header: 'its build s p50', figures: true },
      { header: 'files rendered p50', figures: true },
      { header: 'timeouts', figures: true },
      { header: `p95 ≤ ${fig(TARGETS.pageLiveP95Ms / 1000)} s` },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}
