import { measuredOn } from './format.ts';
import type { Entry } from './latest.ts';
import type { Column } from './markdown.ts';

/** The last two columns of every bench table: the machine, date and load, and the results file. */
export const SOURCE_COLUMNS: Column[] = [{ header: 'measured on' }, { header: 'results' }];

/** The source cells of a row; a result's later rows leave them empty, so its rows read as one group. */
export const sourceCells = (e: Entry, first = true): string[] =>
  first ? [measuredOn(e.result, { load: true }), `\`${e.result.file}\``] : ['', ''];

/** The entries of one bench, in workload order. */
export const ofBench = (entries: readonly Entry[], bench: string): Entry[] => entries.filter((e) => e.bench === bench);
