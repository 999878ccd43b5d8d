import { slugify } from '@stackguide/content';
import type { SalaryBand } from '@stackguide/contracts/entries';

export type SalaryLevel = SalaryBand['level'];
export type SalaryPeriod = SalaryBand['period'];

/** Levels from first job to management: the order tables and charts list them in. */
export const LEVEL_ORDER: readonly SalaryLevel[] = ['entry', 'experienced', 'lead', 'manager'];
export const LEVEL_LABELS: Record<SalaryLevel, string> = { entry: 'Entry', experienced: 'Experienced', lead: 'Lead', manager: 'Manager' };

type Grouping = Pick<SalaryBand, 'region' | 'currency' | 'period'>;

/** Orders bands or groups by region, then period, then currency. */
export const compareGroups = (a: Grouping, b: Grouping): number =>
  a.region.localeCompare(b.region) || a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency);

/** Bands by region, period and currency, then level. */
export function sortBands(bands: readonly SalaryBand[]): SalaryBand[] {
  return [...bands].sort((a, b) => compareGroups(a, b) || LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
}

/** Bands that can share one axis: the same region, currency and period. */
export type BandGroup = { key: string; region: string; currency: string; period: SalaryPeriod; bands: SalaryBand[] };

/** Splits bands into groups that share an axis, in `sortBands` order; `key` is stable and URL-safe. */
export function groupBands(bands: readonly SalaryBand[]): BandGroup[] {
  const groups = new Map<string, BandGroup>();
  for (const band of sortBands(bands)) {
    const key = slugify(`${band.region} ${band.currency} ${band.period}`);
    const group = groups.get(key) ?? { key, region: band.region, currency: band.currency, period: band.period, bands: [] };
    group.bands.push(band);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The currency's plural name in English with its code: "euros (EUR)". */
export function currencyName(currency: string): string {
  const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'name' }).formatToParts(2);
  const name = parts.find((p) => p.type === 'currency')?.value ?? currency;
  return name === currency ? currency : `${name} (${currency})`;
}

/** "Germany, gross pay per month in euros (EUR)": what a group's figures are, written out. */
export function groupDescription(group: Grouping): string {
  return `${group.region}, gross pay per ${group.period} in ${currencyName(group.currency)}`;
}
