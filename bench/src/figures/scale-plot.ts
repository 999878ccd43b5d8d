import { fig } from './format.ts';
import type { Entry } from './latest.ts';
import { metricValue, SCALE_METRICS, type ScaleMetric } from './scale-table.ts';
import { ofBench } from './source.ts';

/** Where the report writes the plot, relative to the repository root. */
export const SCALE_PLOT_FILE = 'bench/results/scale-plot.svg';

const PANEL = { width: 460, height: 300, left: 60, right: 170, top: 36, bottom: 44 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const decades = (lo: number, hi: number) => {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) out.push(10 ** p);
  return out;
};

type Series = { label: string; points: { x: number; y: number }[] };

/** One log-log panel: each series a line, a dashed line of slope 1 (cost ∝ size) through the first point of the first series. */
function panel(title: string, unit: string, series: Series[], offsetX: number): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0);
  if (xs.length === 0 || ys.length === 0) return '';
  const xTicks = decades(Math.min(...xs), Math.max(...xs));
  const yTicks = decades(Math.min(...ys), Math.max(...ys));
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const lx = (x: number) => (Math.log10(x) - Math.log10(xTicks[0]!)) / (Math.log10(xTicks.at(-1)!) - Math.log10(xTicks[0]!) || 1);
  const ly = (y: number) => (Math.log10(y) - Math.log10(yTicks[0]!)) / (Math.log10(yTicks.at(-1)!) - Math.log10(yTicks[0]!) || 1);
  const px = (x: number) => (offsetX + PANEL.left + lx(x) * plotW).toFixed(1);
  const py = (y: number) => (PANEL.top + plotH - ly(Math.max(y, yTicks[0]!)) * plotH).toFixed(1);
  const out = [`<text x="${offsetX + PANEL.left}" y="20" font-weight="bold">${xmlText(title)}</text>`];
  for (const x of xTicks)
    out.push(
      `<line x1="${px(x)}" y1="${PANEL.top}" x2="${px(x)}" y2="${PANEL.top + plotH}" stroke="#ddd"/>`,
      `<text x="${px(x)}" y="${PANEL.top + plotH + 16}" text-anchor="middle">${fig(x)}</text>`,
    );
  for (const y of yTicks)
    out.push(
      `<line x1="${offsetX + PANEL.left}" y1="${py(y)}" x2="${offsetX + PANEL.left + plotW}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${offsetX + PANEL.left - 6}" y="${py(y)}" text-anchor="end" dominant-baseline="middle">${fig(y)}</text>`,
    );
  out.push(`<text x="${offsetX + PANEL.left + plotW / 2}" y="${PANEL.height - 8}" text-anchor="middle">articles (log)</text>`);
  out.push(
    `<text x="${offsetX + 14}" y="${PANEL.top + plotH / 2}" transform="rotate(-90 ${offsetX + 14} ${PANEL.top + plotH / 2})" text-anchor="middle">${unit} (log)</text>`,
  );
  const first = series[0]!.points[0]!;
  const lastX = xTicks.at(-1)!;
  const guideEnd = Math.min(first.y * (lastX / first.x), yTicks.at(-1)!);
  out.push(
    `<line x1="${px(first.x)}" y1="${py(first.y)}" x2="${px(first.x * (guideEnd / first.y))}" y2="${py(guideEnd)}" stroke="#999" stroke-dasharray="4 4"/>`,
  );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const path = s.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ');
    out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const p of s.points) out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3" fill="${color}"/>`);
    out.push(
      `<text x="${offsetX + PANEL.width - PANEL.right + 8}" y="${PANEL.top + 14 * i + 6}" fill="${color}">${xmlText(s.label)}</text>`,
    );
  });
  out.push(
    `<text x="${offsetX + PANEL.width - PANEL.right + 8}" y="${PANEL.top + 14 * series.length + 6}" fill="#999">- - ∝ articles</text>`,
  );
  return out.join('\n');
}

/** The scale results as an SVG: time and memory costs against the article count, log-log. */
export function scalePlot(entries: readonly Entry[]): string {
  const sizes = ofBench(entries, 'scale').filter((e) => e.workload.articles !== undefined && e.workload.articles > 0);
  const seriesOf = (unit: ScaleMetric['plot']): Series[] =>
    SCALE_METRICS.filter((m) => m.plot === unit)
      .map((m) => ({
        label: m.label.replace(/, (s|MiB)$/, ''),
        points: sizes.flatMap((e) => {
          const y = metricValue(e.figures, m);
          return y === undefined || y <= 0 ? [] : [{ x: e.workload.articles!, y }];
        }),
      }))
      .filter((s) => s.points.length > 0);
  const body = [
    panel('Time against size', 'seconds', seriesOf('seconds'), 0),
    panel('Memory against size', 'MiB', seriesOf('MiB'), PANEL.width),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PANEL.width * 2}" height="${PANEL.height}" font-family="sans-serif" font-size="11">`,
    '<rect width="100%" height="100%" fill="white"/>',
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
