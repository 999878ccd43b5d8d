import { describe, expect, it } from 'vitest';
import type { Role } from '@stackguide/contracts/entries';
import { salaryComparison } from './compare.ts';
import type { SalaryBand } from '@stackguide/contracts/entries';

const band = (region: string, period: SalaryBand['period'], level: SalaryBand['level'], min: number, max: number | null): SalaryBand => ({
  region,
  currency: 'EUR',
  period,
  level,
  min,
  max,
  sourceNote: null,
});
const role = (slug: string, salaryBands: SalaryBand[]): Role => ({
  documentId: slug,
  name: slug,
  slug,
  tagline: null,
  summary: null,
  responsibilities: [],
  salaryBands,
  skills: [],
});

describe('salaryComparison', () => {
  const backend = role('backend', [band('Germany', 'month', 'entry', 2700, 3500), band('Europe', 'year', 'experienced', 49_000, 99_000)]);
  const frontend = role('frontend', [band('Europe', 'year', 'experienced', 49_000, 120_000)]);
  const rows = salaryComparison([backend, frontend]);

  it('pairs the two roles by region, currency and period, listing groups only one role has', () => {
    expect(rows.map((r) => r.key)).toEqual(['europe-eur-year', 'germany-eur-month']);
    expect(rows[0]!.groups.map((g) => g?.bands.length)).toEqual([1, 1]);
    expect(rows[1]!.groups.map((g) => g?.bands.length)).toEqual([1, undefined]);
  });

  it('gives each pair one axis reaching the higher maximum', () => {
    expect(rows[0]!.domainMax).toBe(125_000);
    expect(rows[1]!.domainMax).toBe(4000);
  });
});
