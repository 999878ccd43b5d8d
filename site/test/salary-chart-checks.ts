import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '@stackguide/contracts/entries';
import { box } from './screen-checks.ts';

type Band = Role['salaryBands'][number];

/** Checks that each band's bar in `figure` starts and ends where its figures put it on the chart's axis. */
export async function expectBars(figure: Locator, bands: Band[]): Promise<void> {
  await expect(figure.locator('g.salary-row').count()).resolves.toBe(bands.length);
  const domainMax = Number(await figure.getAttribute('data-domain-max'));
  const svg = await box(figure.locator('svg'));
  const at = (value: number) => svg.x + (value / domainMax) * svg.width;
  for (const band of bands) {
    expect(domainMax).toBeGreaterThanOrEqual(band.max ?? band.min);
    const row = figure.locator(`g.salary-row[data-level="${band.level}"]`);
    const bar = await box(row.locator('.salary-bar'));
    const where = `${band.region} ${band.period} ${band.level}`;
    if (band.max === band.min) {
      expect(Math.abs(bar.x + bar.width / 2 - at(band.min)), where).toBeLessThan(1);
    } else {
      expect(Math.abs(bar.x - at(band.min)), where).toBeLessThan(1);
      expect(Math.abs(bar.x + bar.width - (band.max === null ? svg.x + svg.width : at(band.max))), where).toBeLessThan(1);
    }
    const value = (await row.locator('.salary-value').textContent()) ?? '';
    expect(value, where).toContain(band.min.toLocaleString('en-GB'));
    expect(value, where).toContain(band.max === null ? 'and more' : band.max.toLocaleString('en-GB'));
  }
}

/** The bands drawn on one chart with `band`: same region, currency and period. */
export const groupOf = (bands: Band[], band: Band) =>
  bands.filter((b) => b.region === band.region && b.currency === band.currency && b.period === band.period);
/** The chart of a band's region, currency and period on a page. */
export const chartSelector = (band: Band) =>
  `figure.salary-chart[data-region="${band.region}"][data-currency="${band.currency}"][data-period="${band.period}"]`;
