import { describe, expect, it } from 'vitest';
import { BENCH_README_TABLES, README_TABLES, renderReadmes } from './report.ts';
import { readResults } from './result-file.ts';
import { FIXTURE_WITHDRAWN, FIXTURES } from './test-entries.ts';

const section = (name: string) =>
  `## ${name}\n\nProse about ${name}, 20 samples.\n\n<!-- bench:${name}:start -->\nstale figures\n<!-- bench:${name}:end -->\n\nAfter ${name}.\n`;
const readmes = {
  readme: `# Title\n\n${Object.keys(README_TABLES).map(section).join('\n')}\nEnd of README.\n`,
  benchReadme: `# bench\n\n${Object.keys(BENCH_README_TABLES).map(section).join('\n')}`,
};
const results = readResults(FIXTURES);

describe('renderReadmes over the fixture results', () => {
  const out = renderReadmes(results, readmes, FIXTURE_WITHDRAWN);

  it('writes a table between every pair of markers', () => {
    expect(out.readme).not.toContain('stale figures');
    expect(out.benchReadme).not.toContain('stale figures');
    expect(out.readme).toContain(
      '| publish → searchable, p50 / p95 (10,000 articles) | 110 / 140 ms | plugin 90 / 170 ms | p95 ≤ 150 ms | met |',
    );
    expect(out.benchReadme).toContain('| 100 articles | 162 | 9.49 | – |');
    expect(out.benchReadme).toContain('| ours | 77 | 0.964 |');
  });
  it('never shows a withdrawn result', () => {
    expect(out.readme).not.toContain('999');
    expect(out.benchReadme).not.toContain('publish-latency-2030-01-03T10-00-00-000Z.json');
  });
  it('leaves every byte outside the markers as it was', () => {
    const outside = (text: string) => text.replace(/(<!-- bench:[\w-]+:start -->)[\s\S]*?(<!-- bench:[\w-]+:end -->)/g, '$1$2');
    expect(outside(out.readme)).toBe(outside(readmes.readme));
    expect(outside(out.benchReadme)).toBe(outside(readmes.benchReadme));
  });
  it('is deterministic: the same results give the same bytes, also from its own output and in another file order', () => {
    expect(renderReadmes([...results].reverse(), readmes, FIXTURE_WITHDRAWN)).toEqual(out);
    expect(renderReadmes(results, out, FIXTURE_WITHDRAWN)).toEqual(out);
  });
  it('fails naming the README and the marker when one is missing', () => {
    const broken = { ...readmes, benchReadme: readmes.benchReadme.replace('<!-- bench:keystroke:end -->', '') };
    expect(() => renderReadmes(results, broken, FIXTURE_WITHDRAWN)).toThrow(
      'bench/README.md: marker <!-- bench:keystroke:end --> not found',
    );
    expect(() => renderReadmes(results, { ...readmes, readme: '# no figures' }, FIXTURE_WITHDRAWN)).toThrow(
      'README.md: marker <!-- bench:figures:start --> not found',
    );
  });
});
