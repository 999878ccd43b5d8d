import { formatMoney, formatRange } from './format.ts';
import { LEVEL_LABELS, type BandGroup, type SalaryLevel } from './salary-bands.ts';

/**
 * Geometry of the salary range chart, computed at build time. Horizontal positions are percentages
 * of the chart's width, so the SVG stretches to its column while its text keeps the page's size;
 * vertical positions are pixels, so the chart's height is known before it paints (no layout shift).
 */

/** A bar's shape: a min–max range, one figure (min = max), or "min and more" (no max). */
export type RowKind = 'range' | 'point' | 'open';

export type ChartRow = {
  level: SalaryLevel;
  label: string;
  kind: RowKind;
  min: number;
  max: number | null;
  /** Left and right end of the bar in % of the width; an open bar runs to 100. */
  start: number;
  end: number;
  /** Top of the row in px. */
  top: number;
  /** The figures as text, "€2,700 – €3,500". */
  value: string;
};

export type ChartTick = { value: number; at: number; label: string };

export type SalaryChart = {
  domainMax: number;
  height: number;
  rows: ChartRow[];
  ticks: ChartTick[];
  /** Top of the axis line in px. */
  axisTop: number;
  /** The figures in words, one sentence per level, for the SVG's description. */
  description: string;
};

/** Row layout in px: the level name and figures on one line, the bar below them. */
export const CHART_LAYOUT = { rowHeight: 48, textBaseline: 17, barTop: 25, barHeight: 14, axisHeight: 30 } as const;
const MAX_TICKS = 5;
/** Room past the highest open-ended minimum, so "and more" reads as a bar, not a sliver. */
const OPEN_HEADROOM = 1.25;

/** The smallest "nice" scale (steps of 1, 2, 2.5 or 5 × 10ⁿ, at most five steps) reaching `upper`. */
export function niceScale(upper: number): { max: number; step: number } {
  if (!(upper > 0)) return { max: 1, step: 1 };
  const raw = upper / MAX_TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { max: Math.ceil(upper / step - 1e-9) * step, step };
}

/** The highest figure the groups' bars need to show; open-ended bands get headroom. */
function upperBound(groups: readonly BandGroup[]): number {
  const bands = groups.flatMap((g) => g.bands);
  return Math.max(0, ...bands.map((b) => (b.max === null ? b.min * OPEN_HEADROOM : Math.max(b.min, b.max))));
}

/** One axis maximum for several groups (the same region, currency and period), so charts drawn side by side compare. */
export function sharedDomainMax(groups: readonly BandGroup[]): number {
  return niceScale(upperBound(groups)).max;
}

const percent = (value: number, domainMax: number) => Math.round((Math.min(value, domainMax) / domainMax) * 10_000) / 100;

/**
 * Rows, ticks and size of the chart for one group of bands.
 * @param domainMax the axis maximum, by default the group's own (pass `sharedDomainMax` to line charts up)
 */
export function salaryChart(group: BandGroup, domainMax = sharedDomainMax([group])): SalaryChart {
  const { step } = niceScale(domainMax);
  const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: group.currency, notation: 'compact' });
  const rows = group.bands.map((band, i): ChartRow => {
    const kind: RowKind = band.max === null ? 'open' : band.max === band.min ? 'point' : 'range';
    return {
      level: band.level,
      label: LEVEL_LABELS[band.level],
      kind,
      min: band.min,
      max: band.max,
      start: percent(band.min, domainMax),
      end: kind === 'open' ? 100 : percent(band.max ?? band.min, domainMax),
      top: i * CHART_LAYOUT.rowHeight,
      value: kind === 'point' ? formatMoney(band.min, group.currency) : formatRange(band.min, band.max, group.currency),
    };
  });
  const ticks: ChartTick[] = [];
  for (let value = 0; value <= domainMax + 1e-9; value += step)
    ticks.push({ value, at: percent(value, domainMax), label: compact.format(value) });
  const axisTop = rows.length * CHART_LAYOUT.rowHeight;
  return {
    domainMax,
    height: axisTop + CHART_LAYOUT.axisHeight,
    rows,
    ticks,
    axisTop,
    description: rows.map((r) => `${r.label}: ${r.value}.`).join(' '),
  };
}
