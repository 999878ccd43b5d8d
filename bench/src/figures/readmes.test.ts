import fs from 'node:fs';
import { VARIABLES } from '@stackguide/contracts/variables';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, RESULTS_DIR } from '../paths.ts';
import { readmePaths, renderReadmes, renderScalePlot } from './report.ts';
import { SCALE_PLOT_FILE } from './scale-plot.ts';
import path from 'node:path';
import { readResults } from './result-file.ts';

const files = readmePaths(REPO_ROOT);
const committed = { readme: fs.readFileSync(files.readme, 'utf8'), benchReadme: fs.readFileSync(files.benchReadme, 'utf8') };

describe('the committed READMEs', () => {
  it('hold exactly the figures `npm run bench -- report` writes from bench/results', () => {
    const rendered = renderReadmes(readResults(RESULTS_DIR), committed);
    const fix = 'figures are generated: run `npm run bench -- report` and commit the result (edit prose outside the markers only)';
    expect(rendered.readme, `README.md: ${fix}`).toBe(committed.readme);
    expect(rendered.benchReadme, `bench/README.md: ${fix}`).toBe(committed.benchReadme);
  });
  it('show the scale plot `npm run bench -- report` draws from bench/results', () => {
    const committedPlot = fs.readFileSync(path.join(REPO_ROOT, SCALE_PLOT_FILE), 'utf8');
    expect(renderScalePlot(readResults(RESULTS_DIR)), `${SCALE_PLOT_FILE}: run \`npm run bench -- report\``).toBe(committedPlot);
  });
  it('stay short enough to read: README.md ≤ 25 KB, bench/README.md ≤ 36 KB', () => {
    expect(Buffer.byteLength(committed.readme), 'README.md bytes').toBeLessThanOrEqual(25_000);
    expect(Buffer.byteLength(committed.benchReadme), 'bench/README.md bytes').toBeLessThanOrEqual(36_000);
  });
  it('name every variable the system reads in the README’s configuration table', () => {
    const table = committed.readme.slice(committed.readme.indexOf('## Configuration'), committed.readme.indexOf('## Tests'));
    expect(Object.keys(VARIABLES).filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
