import type { Recording } from '../results.ts';
import { renderTable } from '../table.ts';
import type { BurstResult, Verdict } from './burst.ts';

/** A row without a verdict is a system the drill does not apply to (the note says why). */
export type DrillRow = { system: string; burst?: BurstResult; verdict?: Verdict; note?: string };

/** Prints the drill's lost/duplicated/stale table and writes its JSON. */
export function reportDrill(
  recording: Recording,
  name: string,
  title: string,
  rows: DrillRow[],
  extra: Record<string, unknown> = {},
): void {
  console.log(`\n${title}\n`);
  console.log(
    renderTable(
      ['system', 'published ok', 'publish errors', 'in Strapi', 'indexed', 'lost', 'extra', 'stale', 'duplicated', 'converged after s'],
      rows.map((r) => [
        r.system,
        r.burst?.published,
        r.burst?.publishErrors,
        r.verdict?.published,
        r.verdict?.indexed,
        r.verdict?.lost,
        r.verdict?.extra,
        r.verdict?.stale,
        r.verdict?.duplicated,
        !r.verdict ? 'n/a' : r.verdict.convergedAfterMs === null ? 'never (120 s cap)' : r.verdict.convergedAfterMs / 1000,
      ]),
    ),
  );
  for (const r of rows) if (r.note) console.log(`note (${r.system}): ${r.note}`);
  const file = recording.write(`drill-${name}`, { rows, ...extra });
  console.log(`results: ${file}`);
}
