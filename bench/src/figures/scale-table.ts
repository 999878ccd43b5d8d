import { fig, NONE, verdict } from './format.ts';
import { numberAt } from './json.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { ofBench, sourceCells } from './source.ts';

/** What the scale bench calls the sizes whose targets it judges. */
export const SCALE_TARGET_ARTICLES = 100_000;

/**
 * One cost the scale bench measures at every size: where it sits in a scale result, and the
 * target the issue set at 100,000 articles (`max`: at most; `min`: at least).
 */
export type ScaleMetric = {
  label: string;
  path: readonly string[];
  target?: { max?: number; min?: number };
  /** Drawn in the plot's panel for this unit. */
  plot?: 'seconds' | 'MiB';
};

const PARTS = ['cms', 'search-sync', 'site', 'meilisearch'] as const;

export const SCALE_METRICS: readonly ScaleMetric[] = [
  { label: 'generate, s', path: ['generate', 'seconds'], plot: 'seconds' },
  { label: 'reconcile → all searchable, s', path: ['reconcile', 'searchableSeconds'], plot: 'seconds' },
  { label: 'reconcile → all built, s', path: ['reconcile', 'builtSeconds'], plot: 'seconds' },
  { label: 'full build, s', path: ['fullBuild', 'seconds'], target: { max: 360 }, plot: 'seconds' },
  { label: 'full build: site server peak, MiB', path: ['fullBuild', 'siteServerPeakMiB'], target: { max: 3072 }, plot: 'MiB' },
  { label: 'files built', path: ['fullBuild', 'pages'] },
  { label: 'restart until serving, s', path: ['fullBuild', 'restartSeconds'] },
  { label: 'publish → page live p95, ms', path: ['live', 'publish', 'p95'], target: { max: 3_000 } },
  { label: 'edit → page live p95, ms', path: ['live', 'edit', 'p95'], target: { max: 3_000 } },
  { label: 'unpublish → page gone p95, ms', path: ['live', 'unpublish', 'p95'], target: { max: 3_000 } },
  { label: 'publish → searchable p95, ms', path: ['searchable', 'p95'], target: { max: 200 } },
  { label: 'keystroke → painted p95, ms', path: ['keystroke', 'painted', 'p95'], target: { max: 60 } },
  { label: 'reindex, s', path: ['reindex', 'seconds'], plot: 'seconds' },
  { label: 'reindex speed / Meilisearch floor', path: ['reindex', 'ofFloor'], target: { min: 0.9 } },
  ...PARTS.map((part) => ({ label: `${part} RSS at rest, MiB`, path: ['memory', part, 'rssMiB'], plot: 'MiB' as const })),
  ...PARTS.map((part) => ({ label: `${part} peak RSS, MiB`, path: ['memory', part, 'peakMiB'] })),
  ...PARTS.map((part) => ({ label: `${part} disk, MiB`, path: ['disk', part] })),
];

/** A metric's value in one scale result's figures (disk is recorded in bytes, shown in MiB). */
export function metricValue(figures: unknown, metric: ScaleMetric): number | undefined {
  const value = numberAt(figures, ...metric.path);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return metric.path[0] === 'disk' ? value / 2 ** 20 : value;
}

function targetText(metric: ScaleMetric): string {
  if (metric.target?.max !== undefined) return `≤ ${fig(metric.target.max)}`;
  if (metric.target?.min !== undefined) return `≥ ${fig(metric.target.min)}`;
  return NONE;
}

function judged(metric: ScaleMetric, value: number | undefined): string {
  if (!metric.target) return NONE;
  if (value === undefined) return verdict(undefined);
  const { max, min } = metric.target;
  return verdict((max === undefined || value <= max) && (min === undefined || value >= min));
}

/** Rows: each cost; columns: each size measured, the target at 100,000 and whether it is met there. */
export function scaleTable(entries: readonly Entry[]): string {
  return costTable(entries, SCALE_METRICS);
}

/** The README's shorter table: the costs with a target only. */
export function scaleTargetsTable(entries: readonly Entry[]): string {
  return costTable(
    entries,
    SCALE_METRICS.filter((metric) => metric.target),
  );
}

function costTable(entries: readonly Entry[], metrics: readonly ScaleMetric[]): string {
  const sizes = ofBench(entries, 'scale').filter((e) => e.workload.articles !== undefined);
  if (sizes.length === 0) return '_No scale results yet: `npm run bench -- scale`._';
  const largest = sizes.find((e) => e.workload.articles === SCALE_TARGET_ARTICLES);
  const rows = metrics.map((metric) => [
    metric.label,
    ...sizes.map((e) => fig(metricValue(e.figures, metric))),
    targetText(metric),
    largest ? judged(metric, metricValue(largest.figures, metric)) : NONE,
  ]);
  const table = markdownTable(
    [
      { header: 'cost' },
      ...sizes.map((e) => ({ header: `${fig(e.workload.articles)} articles`, figures: true })),
      { header: `target at ${fig(SCALE_TARGET_ARTICLES)}` },
      { header: 'met' },
    ],
    rows,
  );
  const sources = sizes.map((e) => `${fig(e.workload.articles)}: ${sourceCells(e).join(', ')}`).join('; ');
  return `${table}\n\nMeasured on: ${sources}.`;
}

/** One run's figures as the bench prints them when it ends. */
export function scaleSummary(figures: unknown): string {
  const articles = numberAt(figures, 'params', 'articles');
  return markdownTable(
    [{ header: 'cost' }, { header: `${fig(articles)} articles`, figures: true }, { header: `target at ${fig(SCALE_TARGET_ARTICLES)}` }],
    SCALE_METRICS.map((metric) => [metric.label, fig(metricValue(figures, metric)), targetText(metric)]),
  );
}
