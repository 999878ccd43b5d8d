import { fig, figs, NONE, verdict, workloadLabel } from './format.ts';
import { listAt, numberAt, stringAt } from './json.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { ofBench, SOURCE_COLUMNS, sourceCells } from './source.ts';
import { TARGETS } from './targets.ts';

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const sum = (values: (number | undefined)[]) =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((a, b) => a + b!, 0);

/** Everything the load bench judges: its errors (429 for beacons aside), and publish → live under load. */
export function loadVerdict(f: unknown): { errors: number | undefined; p95: number | undefined; met: boolean | undefined } {
  const errors = sum(listAt(f, 'endpoints').map((r) => numberAt(r, 'errors')));
  const p95 = numberAt(f, 'publish', 'p95');
  const timeouts = numberAt(f, 'publish', 'timeouts');
  const met =
    errors === undefined || p95 === undefined || timeouts === undefined
      ? undefined
      : errors === 0 && p95 <= TARGETS.pageLiveP95Ms && timeouts === 0;
  return { errors, p95, met };
}

/** Requests per second of one group of endpoints (site pages, search, analytics), summed. */
export function groupRps(f: unknown, group: string): number | undefined {
  const rows = listAt(f, 'endpoints').filter((r) => stringAt(r, 'group') === group);
  return rows.length === 0 ? undefined : sum(rows.map((r) => numberAt(r, 'rps')));
}

/** The load bench: one row per endpoint; publish → live, the verdict and the source on the first. */
export function loadTable(entries: readonly Entry[]): string {
  const rows = ofBench(entries, 'load').flatMap((e) => {
    const f = e.figures;
    const judged = loadVerdict(f);
    return listAt(f, 'endpoints').map((r, i) => [
      i === 0 ? workloadLabel(e.workload) : '',
      stringAt(r, 'name') ?? NONE,
      fig(numberAt(r, 'connections')),
      fig(numberAt(r, 'rps')),
      figs(numberAt(r, 'p50'), numberAt(r, 'p99')),
      fig(numberAt(r, 'errors')),
      fig(numberAt(r, 'refused')),
      i === 0 ? figs(seconds(numberAt(f, 'publish', 'p50')), seconds(judged.p95)) : '',
      i === 0 ? fig(numberAt(f, 'publish', 'samples')) : '',
      i === 0 ? verdict(judged.met) : '',
      i === 0 ? fig(numberAt(f, 'loadAvgAtEnd', 0)) : '',
      ...sourceCells(e, i === 0),
    ]);
  });
  return markdownTable(
    [
      { header: 'workload' },
      { header: 'endpoint' },
      { header: 'connections', figures: true },
      { header: 'req/s', figures: true },
      { header: 'p50 / p99 ms', figures: true },
      { header: 'errors', figures: true },
      { header: '429 refused as designed', figures: true },
      { header: 'publish → live p50 / p95 s', figures: true },
      { header: 'publishes', figures: true },
      { header: `0 errors, p95 ≤ ${fig(TARGETS.pageLiveP95Ms / 1000)} s` },
      { header: 'load at the end' },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}
