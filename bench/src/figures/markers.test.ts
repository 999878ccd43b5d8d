import { describe, expect, it } from 'vitest';
import { MarkerError, replaceBetween } from './markers.ts';

const doc = 'Intro, kept as is.\n<!-- bench:figures:start -->\nold table\n<!-- bench:figures:end -->\nOutro  \n';

describe('replaceBetween', () => {
  it('replaces only what lies between the markers', () => {
    expect(replaceBetween(doc, 'figures', '| new |', 'README.md')).toBe(
      'Intro, kept as is.\n<!-- bench:figures:start -->\n| new |\n<!-- bench:figures:end -->\nOutro  \n',
    );
  });
  it('gives the same text when run on its own output', () => {
    const once = replaceBetween(doc, 'figures', 'table', 'README.md');
    expect(replaceBetween(once, 'figures', 'table', 'README.md')).toBe(once);
  });
  it('fails naming the file and the missing marker', () => {
    expect(() => replaceBetween('no markers', 'figures', 't', 'README.md')).toThrow(MarkerError);
    expect(() => replaceBetween('no markers', 'figures', 't', 'README.md')).toThrow(
      'README.md: marker <!-- bench:figures:start --> not found',
    );
    expect(() => replaceBetween('<!-- bench:figures:start -->', 'figures', 't', 'bench/README.md')).toThrow(
      'bench/README.md: marker <!-- bench:figures:end --> not found',
    );
  });
  it('fails on a repeated marker or an end before the start', () => {
    expect(() => replaceBetween(`${doc}${doc}`, 'figures', 't', 'README.md')).toThrow(/appears more than once/);
    expect(() => replaceBetween('<!-- bench:figures:end --> <!-- bench:figures:start -->', 'figures', 't', 'README.md')).toThrow(
      /comes before/,
    );
  });
});
