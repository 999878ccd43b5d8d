import { describe, expect, it } from 'vitest';
import type { SalaryBand } from '@stackguide/contracts/entries';
import { currencyName, groupBands, groupDescription } from './salary-bands.ts';
import { CHART_LAYOUT, niceScale, salaryChart, sharedDomainMax } from './salary-chart.ts';

const band = (level: SalaryBand['level'], min: number, max: number | null, extra: Partial<SalaryBand> = {}): SalaryBand => ({
  region: 'Germany',
  currency: 'EUR',
  period: 'month',
  level,
  min,
  max,
  sourceNote: null,
  ...extra,
});

describe('niceScale', () => {
  it('rounds up to steps of 1, 2, 2.5 or 5 × 10ⁿ with at most five steps', () => {
    expect(niceScale(7250)).toEqual({ max: 8000, step: 2000 });
    expect(niceScale(99_000)).toEqual({ max: 100_000, step: 20_000 });
    expect(niceScale(100_000)).toEqual({ max: 100_000, step: 20_000 });
    expect(niceScale(11_000)).toEqual({ max: 12_500, step: 2500 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
  });

  it('gives a usable scale for nothing at all', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
  });
});

describe('groupBands', () => {
  it('puts bands sharing region, currency and period together, levels in career order', () => {
    const groups = groupBands([
      band('manager', 5800, null),
      band('experienced', 49_000, 99_000, { region: 'Europe', period: 'year' }),
      band('entry', 2700, 3500),
      band('experienced', 4800, 4800),
    ]);
    expect(groups.map((g) => g.key)).toEqual(['europe-eur-year', 'germany-eur-month']);
    expect(groups[1]!.bands.map((b) => b.level)).toEqual(['entry', 'experienced', 'manager']);
  });

  it('writes currency and period out', () => {
    expect(currencyName('EUR')).toBe('euros (EUR)');
    expect(currencyName('USD')).toBe('US dollars (USD)');
    expect(groupDescription({ region: 'Germany', currency: 'EUR', period: 'month' })).toBe('Germany, gross pay per month in euros (EUR)');
  });
});

describe('salaryChart', () => {
  const [germany] = groupBands([band('entry', 2700, 3500), band('experienced', 4800, 4800), band('manager', 5800, null)]);
  const chart = salaryChart(germany!);

  it('draws each band from min to max on an axis starting at zero', () => {
    expect(chart.domainMax).toBe(8000);
    const entry = chart.rows[0]!;
    expect(entry).toMatchObject({ kind: 'range', start: 33.75, end: 43.75, value: '€2,700 – €3,500' });
  });

  it('shows min = max as one point and a band without max as open to the edge', () => {
    expect(chart.rows[1]).toMatchObject({ kind: 'point', start: 60, end: 60, value: '€4,800' });
    expect(chart.rows[2]).toMatchObject({ kind: 'open', start: 72.5, end: 100, value: '€5,800 and more' });
  });

  it('leaves room past an open-ended minimum', () => {
    const [open] = groupBands([band('experienced', 49_000, null, { period: 'year' })]);
    const only = salaryChart(open!);
    expect(only.rows[0]!.start).toBeLessThanOrEqual(80);
  });

  it('labels the axis with compact figures from zero to the maximum', () => {
    expect(chart.ticks.map((t) => [t.at, t.label])).toEqual([
      [0, '€0'],
      [25, '€2k'],
      [50, '€4k'],
      [75, '€6k'],
      [100, '€8k'],
    ]);
  });

  it('stacks rows top to bottom with the axis under them, height fixed in advance', () => {
    expect(chart.rows.map((r) => r.top)).toEqual([0, CHART_LAYOUT.rowHeight, 2 * CHART_LAYOUT.rowHeight]);
    expect(chart.axisTop).toBe(3 * CHART_LAYOUT.rowHeight);
    expect(chart.height).toBe(chart.axisTop + CHART_LAYOUT.axisHeight);
  });

  it('describes every figure in words for screen readers', () => {
    expect(chart.description).toBe('Entry: €2,700 – €3,500. Experienced: €4,800. Manager: €5,800 and more.');
  });

  it('lines two roles up on one shared axis', () => {
    const [wide] = groupBands([band('lead', 6000, 11_000)]);
    const max = sharedDomainMax([germany!, wide!]);
    expect(max).toBe(12_500);
    const shared = salaryChart(germany!, max);
    expect(shared.rows[0]!.start).toBe(21.6);
    expect(shared.rows[2]!.end).toBe(100);
    expect(salaryChart(wide!, max).rows[0]).toMatchObject({ start: 48, end: 88 });
  });
});
