import { describe, expect, it } from 'vitest';
import { count, fig, figs, measuredOn, percent, score, times, verdict, workloadLabel } from './format.ts';
import { parseResult } from './result-file.ts';

describe('fig', () => {
  it('shows a figure at the precision its size deserves, grouped by thousands', () => {
    expect(fig(13378)).toBe('13,378');
    expect(fig(2588.4)).toBe('2,588');
    expect(fig(161.74)).toBe('162');
    expect(fig(49.79)).toBe('49.8');
    expect(fig(16)).toBe('16');
    expect(fig(15.97)).toBe('16.0');
    expect(fig(1.6725)).toBe('1.67');
    expect(fig(-5)).toBe('-5');
  });
  it('shows a missing or non-finite figure as a dash', () => {
    expect(fig(undefined)).toBe('–');
    expect(fig(Number.NaN)).toBe('–');
  });
});

describe('composite cells', () => {
  it('joins percentiles, and is a single dash when none is there', () => {
    expect(figs(106.2, 161.7)).toBe('106 / 162');
    expect(figs(53.4, undefined)).toBe('53.4 / –');
    expect(figs(undefined, undefined)).toBe('–');
  });
  it('writes ratios, shares, scores, counts and verdicts', () => {
    expect(times(0.7552)).toBe('0.76×');
    expect(percent(0.05194)).toBe('5.2 %');
    expect(percent(0)).toBe('0 %');
    expect(score(0.96363)).toBe('0.964');
    expect(count(1, 'run')).toBe('1 run');
    expect(count(3, 'run')).toBe('3 runs');
    expect([verdict(true), verdict(false), verdict(undefined)]).toEqual(['met', 'not met', '–']);
  });
  it('names the workload', () => {
    expect(workloadLabel({ articles: 10000, running: false })).toBe('10,000 articles');
    expect(workloadLabel({ articles: 0, running: false })).toBe('seeded content');
    expect(workloadLabel({ articles: 10000, running: false, semantic: true })).toBe('10,000 articles, semantic search on');
    expect(workloadLabel({ articles: undefined, running: false })).toBe('articles not recorded');
    expect(workloadLabel({ articles: undefined, running: true })).toBe('running system');
  });
});

describe('measuredOn', () => {
  const at = '2030-01-02T23:59:00.000Z';
  it('names cores, CPU model without trademarks, Node and the UTC date', () => {
    const r = parseResult('a.json', {
      name: 'x',
      at,
      machine: { cpus: 2, cpuModel: 'Intel(R) Xeon(R) Processor', node: 'v24.22.3', loadAvgAtStart: [1.44, 1, 1] },
    });
    expect(measuredOn(r)).toBe('2 × Intel Xeon, Node v24.22.3, 2030-01-02');
    expect(measuredOn(r, { load: true })).toBe('2 × Intel Xeon, Node v24.22.3, 2030-01-02, load 1.44');
  });
  it('says what the file does not record', () => {
    const r = parseResult('a.json', { name: 'x', at, machine: { cpuModel: 'Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz' } });
    expect(measuredOn(r, { load: true })).toBe('Intel Core i7-8650U, 2030-01-02, load not recorded');
    expect(measuredOn(parseResult('b.json', { name: 'x', at }))).toBe('machine not recorded, 2030-01-02');
  });
});
