import { at, listAt, numberAt } from './json.ts';
import { fig, figs, NONE, percent, score, verdict, workloadLabel } from './format.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { ofBench, SOURCE_COLUMNS, sourceCells } from './source.ts';
import { TARGETS } from './targets.ts';

/** Search from Node, no browser: Meilisearch's processing time for both indexes, round trips, peak memory. */
export function searchTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'search').map((e) => {
    const f = e.figures;
    const p95 = numberAt(f, 'ours', 'proc', 'p95');
    const peaks = at(f, 'resourcesPeakMiB');
    const memory =
      peaks !== null && typeof peaks === 'object'
        ? Object.entries(peaks).map(([part, mib]) => `${part} ${fig(typeof mib === 'number' ? mib : undefined)}`)
        : [];
    return [
      workloadLabel(e.workload),
      fig(numberAt(f, 'ours', 'rtt', 'n')),
      figs(numberAt(f, 'ours', 'proc', 'p50'), p95),
      figs(numberAt(f, 'plugin', 'proc', 'p50'), numberAt(f, 'plugin', 'proc', 'p95')),
      figs(numberAt(f, 'ours', 'rtt', 'p50'), numberAt(f, 'ours', 'rtt', 'p95')),
      figs(numberAt(f, 'ours', 'empty'), numberAt(f, 'ours', 'failed')),
      memory.length === 0 ? NONE : memory.join(' · '),
      verdict(p95 === undefined ? undefined : p95 <= TARGETS.processingP95Ms),
      ...sourceCells(e),
    ];
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'queries', figures: true },
      { header: 'ours processingTimeMs p50 / p95', figures: true },
      { header: "plugin's index p50 / p95", figures: true },
      { header: 'ours round trip p50 / p95 ms', figures: true },
      { header: 'ours no hits / failed', figures: true },
      { header: 'peak RSS MiB' },
      { header: `p95 ≤ ${TARGETS.processingP95Ms} ms` },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/** Keystroke → painted in Chromium: results, their request and processing time, sections, JavaScript shipped. */
export function keystrokeTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'keystroke').map((e) => {
    const f = e.figures;
    const p95 = numberAt(f, 'summary', 'p95');
    const js = numberAt(f, 'js', 'gzipBytes');
    return [
      workloadLabel(e.workload),
      fig(numberAt(e.result.params, 'samples')),
      figs(numberAt(f, 'summary', 'p50'), p95),
      figs(numberAt(f, 'request', 'p50'), numberAt(f, 'request', 'p95')),
      figs(numberAt(f, 'processing', 'p50'), numberAt(f, 'processing', 'p95')),
      figs(numberAt(f, 'sections', 'p50'), numberAt(f, 'sections', 'p95')),
      figs(numberAt(f, 'nothingFound'), numberAt(f, 'missed')),
      fig(js),
      verdict(p95 === undefined ? undefined : p95 <= TARGETS.paintedP95Ms),
      verdict(js === undefined ? undefined : js <= TARGETS.searchJsBytes),
      ...sourceCells(e),
    ];
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'keystrokes', figures: true },
      { header: 'results painted p50 / p95 ms', figures: true },
      { header: 'results request p50 / p95 ms', figures: true },
      { header: 'processingTimeMs p50 / p95', figures: true },
      { header: 'sections painted p50 / p95 ms', figures: true },
      { header: 'nothing found / no paint', figures: true },
      { header: 'JS gzip B', figures: true },
      { header: `painted p95 ≤ ${TARGETS.paintedP95Ms} ms` },
      { header: `JS ≤ ${fig(TARGETS.searchJsBytes)} B` },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/** The relevance targets a result was judged by: its own `params.targets`, else the current ones. */
export function relevanceTargets(e: Entry): { mrr10: number; marginOverPagefind: number; zeroResultRate: number } {
  const own = (key: keyof typeof TARGETS.relevance) => numberAt(e.result.params, 'targets', key) ?? TARGETS.relevance[key];
  return { mrr10: own('mrr10'), marginOverPagefind: own('marginOverPagefind'), zeroResultRate: own('zeroResultRate') };
}

/** Whether ours (keyword, or `hybrid`: with meaning) met every relevance target, or undefined when a figure is missing. */
export function relevanceMet(e: Entry, engine: 'ours' | 'hybrid' = 'ours'): boolean | undefined {
  const t = relevanceTargets(e);
  const ours = numberAt(e.figures, 'summaries', engine, 'mrr10');
  const pagefind = numberAt(e.figures, 'summaries', 'pagefind', 'mrr10');
  const zero = numberAt(e.figures, 'summaries', engine, 'zeroResultRate');
  if (ours === undefined || pagefind === undefined || zero === undefined) return undefined;
  return ours >= t.mrr10 && ours - pagefind >= t.marginOverPagefind && zero <= t.zeroResultRate;
}

const ENGINE_NAMES = { ours: 'ours', hybrid: 'ours, with meaning' } as const;

/** Judged queries, ours (keyword; with meaning when measured) and Pagefind, with the held-out set beside them. */
export function relevanceTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'relevance').flatMap((e) =>
    (['ours', 'hybrid', 'pagefind'] as const)
      .filter((engine) => numberAt(e.figures, 'summaries', engine, 'queries') !== undefined)
      .map((engine, i) => {
        const s = (key: string) => numberAt(e.figures, 'summaries', engine, key);
        return [
          `${
            engine === 'pagefind'
              ? `Pagefind ${typeof e.result.params.pagefind === 'string' ? e.result.params.pagefind : ''}`.trim()
              : ENGINE_NAMES[engine]
          }${e.workload.articles ? ` (+${fig(e.workload.articles)} articles)` : ''}`,
          fig(s('queries')),
          score(s('mrr10')),
          score(s('hitsAt1')),
          score(s('hitsAt3')),
          percent(s('zeroResultRate')),
          score(s('sectionHits')),
          `${score(numberAt(e.figures, 'heldOut', engine, 'mrr10'))} (${fig(numberAt(e.figures, 'heldOut', engine, 'queries'))})`,
          engine === 'pagefind' ? NONE : verdict(relevanceMet(e, engine)),
          ...sourceCells(e, i === 0),
        ];
      }),
  );
  return markdownTable(
    [
      { header: 'engine' },
      { header: 'queries', figures: true },
      { header: 'MRR@10', figures: true },
      { header: 'hits@1', figures: true },
      { header: 'hits@3', figures: true },
      { header: 'zero results', figures: true },
      { header: 'judged section linked', figures: true },
      { header: 'held-out MRR@10 (queries)', figures: true },
      { header: 'targets' },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}

/** Sentence encoders ranked by meaning alone on the judged queries: quality, speed and memory per model. */
export function embeddersTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'embedders').flatMap((e) =>
    listAt(e.figures, 'models').map((m, i) => {
      const subset = (name: string) => `${score(numberAt(m, name, 'mrr10'))} (${fig(numberAt(m, name, 'queries'))})`;
      const model = at(m, 'model');
      return [
        i === 0 ? workloadLabel(e.workload) : '',
        typeof model === 'string' ? model : NONE,
        subset('paraphrases'),
        subset('judged'),
        subset('heldOut'),
        figs(numberAt(m, 'queryMs', 'p50'), numberAt(m, 'queryMs', 'p95')),
        fig(numberAt(m, 'documentsPerSecond')),
        fig(numberAt(m, 'peakRssMiB')),
        ...sourceCells(e, i === 0),
      ];
    }),
  );
  return markdownTable(
    [
      { header: 'corpus' },
      { header: 'model' },
      { header: 'paraphrases MRR@10 (queries)', figures: true },
      { header: 'article-judged', figures: true },
      { header: 'held out', figures: true },
      { header: 'query p50 / p95 ms', figures: true },
      { header: 'documents/s', figures: true },
      { header: 'peak RSS MiB', figures: true },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}
