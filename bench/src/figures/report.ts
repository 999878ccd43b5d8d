import fs from 'node:fs';
import path from 'node:path';
import { currentFiguresTable } from './current-figures.ts';
import { drillTable } from './drill-table.ts';
import { type Entry, latestEntries } from './latest.ts';
import { loadTable } from './load-table.ts';
import { replaceBetween } from './markers.ts';
import { meiliSettingsTable, publishTable, reindexTable, sitePublishTable, siteBuildTable } from './pipeline-tables.ts';
import { readResults, type ResultFile } from './result-file.ts';
import { embeddersTable, keystrokeTable, relevanceTable, searchTable } from './search-tables.ts';
import { SCALE_PLOT_FILE, scalePlot } from './scale-plot.ts';
import { scaleTable, scaleTargetsTable } from './scale-table.ts';
import { WITHDRAWN } from './withdrawn.ts';

type Tables = Record<string, (entries: readonly Entry[]) => string>;

/** The README's tables, by marker name: `<!-- bench:figures:start -->` … `<!-- bench:figures:end -->`. */
export const README_TABLES: Tables = { figures: currentFiguresTable, scale: scaleTargetsTable };

/** bench/README.md's tables, one per bench, by marker name. */
export const BENCH_README_TABLES: Tables = {
  publish: publishTable,
  reindex: reindexTable,
  'meili-settings': meiliSettingsTable,
  'site-build': siteBuildTable,
  'site-publish': sitePublishTable,
  load: loadTable,
  search: searchTable,
  keystroke: keystrokeTable,
  relevance: relevanceTable,
  embedders: embeddersTable,
  scale: scaleTable,
  drills: drillTable,
};

export type Readmes = { readme: string; benchReadme: string };

/** The scale plot `npm run bench -- report` writes to SCALE_PLOT_FILE from the latest scale results. */
export function renderScalePlot(results: readonly ResultFile[], withdrawn: Readonly<Record<string, string>> = WITHDRAWN): string {
  return scalePlot(latestEntries(results, withdrawn));
}

/**
 * Both READMEs with every table between their markers written from the latest result of each
 * bench and workload; the text outside the markers is returned byte for byte. Same results and
 * same READMEs give the same output.
 * @throws MarkerError naming the file and the marker that is missing.
 */
export function renderReadmes(
  results: readonly ResultFile[],
  readmes: Readmes,
  withdrawn: Readonly<Record<string, string>> = WITHDRAWN,
): Readmes {
  const entries = latestEntries(results, withdrawn);
  const fill = (text: string, tables: Tables, where: string) =>
    Object.entries(tables).reduce((out, [name, render]) => replaceBetween(out, name, render(entries), where), text);
  return {
    readme: fill(readmes.readme, README_TABLES, 'README.md'),
    benchReadme: fill(readmes.benchReadme, BENCH_README_TABLES, 'bench/README.md'),
  };
}

/** The two READMEs of a checkout, as `renderReadmes` reads and writes them. */
export const readmePaths = (root: string) => ({ readme: path.join(root, 'README.md'), benchReadme: path.join(root, 'bench', 'README.md') });

/**
 * `npm run bench -- report`: rewrites the figures tables of README.md and bench/README.md from
 * `resultsDir`, and says which file changed.
 * @throws ResultFileError or MarkerError naming the file at fault; nothing is written then.
 */
export function writeReport(root: string, resultsDir: string): void {
  const files = readmePaths(root);
  const results = readResults(resultsDir);
  const before: Readmes = { readme: fs.readFileSync(files.readme, 'utf8'), benchReadme: fs.readFileSync(files.benchReadme, 'utf8') };
  const after = renderReadmes(results, before);
  for (const key of ['readme', 'benchReadme'] as const) {
    const where = path.relative(root, files[key]);
    if (after[key] === before[key]) {
      console.log(`${where}: up to date`);
      continue;
    }
    fs.writeFileSync(files[key], after[key]);
    console.log(`${where}: figures rewritten`);
  }
  const plotFile = path.join(root, SCALE_PLOT_FILE);
  const plot = renderScalePlot(results);
  if (!fs.existsSync(plotFile) || fs.readFileSync(plotFile, 'utf8') !== plot) {
    fs.writeFileSync(plotFile, plot);
    console.log(`${SCALE_PLOT_FILE}: plot rewritten`);
  } else console.log(`${SCALE_PLOT_FILE}: up to date`);
  console.log(
    `from ${results.length} results files in ${path.relative(root, resultsDir)} (${Object.keys(WITHDRAWN).length} withdrawn: see bench/src/figures/withdrawn.ts)`,
  );
}
