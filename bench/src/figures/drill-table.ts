import { at, listAt, numberAt, stringAt } from './json.ts';
import { fig, NONE } from './format.ts';
import type { Entry } from './latest.ts';
import { markdownTable } from './markdown.ts';
import { SOURCE_COLUMNS, sourceCells } from './source.ts';

export const isDrill = (e: Entry) => e.bench.startsWith('drill-');

/** A drill row's verdict: lost, extra, stale and duplicated all 0, and converged within the cap. */
export function cleanVerdict(row: unknown): boolean | undefined {
  const verdict = at(row, 'verdict');
  if (verdict === undefined || verdict === null) return undefined;
  const counts = ['lost', 'extra', 'stale', 'duplicated'].map((k) => numberAt(verdict, k));
  return counts.every((c) => c === 0) && numberAt(verdict, 'convergedAfterMs') !== undefined;
}

/** bad-inputs records the status codes each kind of bad input got: say which came back as expected. */
function casesNote(e: Entry): string | undefined {
  const cases = listAt(e.figures, 'cases');
  if (cases.length === 0) return undefined;
  return cases
    .map((c) => {
      const expected = numberAt(c, 'expected');
      const seen = at(c, 'seen');
      const codes = seen !== null && typeof seen === 'object' ? Object.keys(seen) : [];
      const ok = expected !== undefined && codes.length === 1 && codes[0] === String(expected);
      return `${stringAt(c, 'name') ?? '?'} ${ok ? expected : `expected ${fig(expected)}, got ${codes.join('/') || 'nothing'}`}`;
    })
    .join(', ');
}

/** Every drill's latest result, one row per system it reports on. */
export function drillTable(entries: readonly Entry[]): string {
  const rows = entries.filter(isDrill).flatMap((e) =>
    listAt(e.figures, 'rows').map((row, i) => {
      const verdict = at(row, 'verdict');
      const applies = verdict !== undefined && verdict !== null;
      const converged = numberAt(verdict, 'convergedAfterMs');
      const published = numberAt(row, 'burst', 'published');
      const note = [stringAt(row, 'note'), i === 0 ? casesNote(e) : undefined].filter((n) => n !== undefined).join('; ');
      return [
        i === 0 ? e.bench.slice('drill-'.length) : '',
        stringAt(row, 'system') ?? NONE,
        published === undefined ? NONE : `${fig(published)} (${fig(numberAt(row, 'burst', 'publishErrors'))} failed)`,
        applies ? ['lost', 'extra', 'stale', 'duplicated'].map((k) => fig(numberAt(verdict, k))).join(' / ') : 'n/a',
        !applies ? 'n/a' : converged === undefined ? 'never (120 s cap)' : fig(converged / 1000),
        note || NONE,
        ...sourceCells(e, i === 0),
      ];
    }),
  );
  return markdownTable(
    [
      { header: 'drill' },
      { header: 'system' },
      { header: 'publishes (failed)', figures: true },
      { header: 'lost / extra / stale / duplicated', figures: true },
      { header: 'clean after s', figures: true },
      { header: 'note' },
      ...SOURCE_COLUMNS,
    ],
    rows,
  );
}
