import { describe, expect, it } from 'vitest';
import { latestEntries } from './latest.ts';
import { parseResult } from './result-file.ts';
import { scalePlot } from './scale-plot.ts';
import { scaleSummary, scaleTable, scaleTargetsTable } from './scale-table.ts';
import { rowsOf } from './test-entries.ts';

/** A scale result whose costs grow with `articles` as a real run's would. */
function scaleResult(articles: number, at: string, fullBuildSeconds = articles / 300) {
  const part = (rssMiB: number) => ({ rssMiB, peakMiB: rssMiB * 2 });
  return parseResult(`scale-${at}.json`, {
    name: 'scale',
    at,
    machine: { cpus: 2, cpuModel: 'AMD EPYC', node: 'v24.22.3', loadAvgAtStart: [1.5, 1, 1] },
    params: { articles, samples: 20 },
    generate: { seconds: articles / 1300, peakMiB: 400 },
    reconcile: { published: articles + 12, indexed: articles + 12, searchableSeconds: articles / 500, builtSeconds: articles / 200 },
    fullBuild: { seconds: fullBuildSeconds, pages: articles * 1.3, siteServerPeakMiB: 800 + articles / 50, restartSeconds: 30 },
    live: { publish: { p95: 900 }, edit: { p95: 800 }, unpublish: { p95: 1000 } },
    searchable: { p95: 150 },
    keystroke: { painted: { p95: 40 } },
    reindex: { seconds: articles / 600, ofFloor: 0.8 },
    memory: { cms: part(300), 'search-sync': part(120), site: part(500), meilisearch: part(articles / 100) },
    disk: { cms: articles * 16_000, 'search-sync': 1 << 20, site: articles * 40_000, meilisearch: articles * 30_000 },
  });
}

const entries = (...files: ReturnType<typeof scaleResult>[]) => latestEntries(files);

describe('scale table', () => {
  it('has a column per size, smallest first, and judges the targets at 100,000 only', () => {
    const table = scaleTable(entries(scaleResult(100_000, '2030-01-02T10:00:00.000Z'), scaleResult(1_000, '2030-01-01T10:00:00.000Z')));
    const [header] = table.split('\n');
    expect(header).toBe('| cost | 1,000 articles | 100,000 articles | target at 100,000 | met |');
    const build = rowsOf(table).find((row) => row[0] === 'full build, s')!;
    expect(build).toEqual(['full build, s', '3.33', '333', '≤ 360', 'met']);
    const reindex = rowsOf(table).find((row) => row[0] === 'reindex speed / Meilisearch floor')!;
    expect(reindex.slice(-2)).toEqual(['≥ 0.90', 'not met']);
    const disk = rowsOf(table).find((row) => row[0] === 'site disk, MiB')!;
    expect(disk[2]).toBe('3,815');
  });

  it('says "not met" when the 100,000 run misses, and nothing is judged without one', () => {
    const slow = scaleTable(entries(scaleResult(100_000, '2030-01-02T10:00:00.000Z', 400)));
    expect(
      rowsOf(slow)
        .find((row) => row[0] === 'full build, s')!
        .at(-1),
    ).toBe('not met');
    const small = scaleTable(entries(scaleResult(10_000, '2030-01-02T10:00:00.000Z')));
    expect(
      rowsOf(small)
        .find((row) => row[0] === 'full build, s')!
        .at(-1),
    ).toBe('–');
  });

  it('keeps only the costs with a target in the README’s table', () => {
    const rows = rowsOf(scaleTargetsTable(entries(scaleResult(100_000, '2030-01-02T10:00:00.000Z'))));
    expect(rows.every((row) => row.at(-2) !== '–')).toBe(true);
    expect(rows.map((row) => row[0])).toContain('keystroke → painted p95, ms');
  });

  it('asks for a run when there is no scale result', () => {
    expect(scaleTable([])).toContain('npm run bench -- scale');
  });

  it('prints one run with its targets', () => {
    const summary = scaleSummary(scaleResult(10_000, '2030-01-02T10:00:00.000Z').data);
    expect(summary).toContain('| full build, s | 33.3 | ≤ 360 |');
  });
});

describe('scale plot', () => {
  it('draws a line per plotted cost through every size, the same way every time', () => {
    const runs = entries(
      scaleResult(1_000, '2030-01-01T10:00:00.000Z'),
      scaleResult(10_000, '2030-01-01T11:00:00.000Z'),
      scaleResult(100_000, '2030-01-01T12:00:00.000Z'),
    );
    const svg = scalePlot(runs);
    expect(svg.startsWith('<svg')).toBe(true);
    const lines = svg.match(/<polyline points="([^"]+)"/g) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line.split(' ').length - 1).toBe(3);
    expect(svg).toContain('full build');
    expect(scalePlot(runs)).toBe(svg);
  });

  it('draws empty panels without results', () => {
    expect(scalePlot([])).not.toContain('<polyline');
  });
});
