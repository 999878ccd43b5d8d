import type { Workload } from './latest.ts';
import type { ResultFile } from './result-file.ts';

/** The cell for a figure a result does not have. */
export const NONE = '–';

/** 12345 → "12,345": grouped by hand, so the output does not depend on the machine's locale. */
function grouped(integer: number): string {
  return String(integer).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A measured figure at the precision its size deserves: whole numbers as they are and from 100 on,
 * one decimal from 10, two below; missing as "–".
 */
export function fig(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return NONE;
  if (Number.isInteger(value) || Math.abs(value) >= 100) return grouped(Math.round(value));
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** "1 run", "3 runs". */
export const count = (n: number | undefined, noun: string): string => `${fig(n)} ${noun}${n === 1 ? '' : 's'}`;

/** Several figures joined as "a / b / c", e.g. p50 / p95; "–" alone when the result has none of them. */
export const figs = (...values: (number | undefined)[]): string =>
  values.every((v) => v === undefined) ? NONE : values.map(fig).join(' / ');

/** A speed or time ratio, two decimals and "×". */
export const times = (value: number | undefined): string => (value === undefined ? NONE : `${value.toFixed(2)}×`);

/** A share of 0..1 as a percentage to one decimal; a whole percentage without decimals. */
export function percent(value: number | undefined): string {
  if (value === undefined) return NONE;
  const tenths = Math.round(value * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} %`;
}

/** A relevance score to three decimals. */
export const score = (value: number | undefined): string => (value === undefined ? NONE : value.toFixed(3));

/** "met" or "not met", or "–" when the result lacks a figure the target needs. */
export const verdict = (met: boolean | undefined): string => (met === undefined ? NONE : met ? 'met' : 'not met');

/** "Intel(R) Xeon(R) Processor" → "Intel Xeon": the model without trademarks and filler. */
function cpuName(model: string): string {
  return model
    .replace(/\((R|TM)\)/gi, '')
    .replace(/\s+CPU\s+@.*$/i, '')
    .replace(/\bProcessor\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where and when a result was measured: "<cpus> × <CPU model>, Node <version>, <UTC date>"; with
 * `load`, the one-minute load average when the run started is added. Unrecorded parts are left out.
 */
export function measuredOn(result: ResultFile, opts: { load?: boolean } = {}): string {
  const { cpus, cpuModel, node, loadAtStart } = result.machine;
  const model = cpuModel ? cpuName(cpuModel) : undefined;
  const cores = cpus !== undefined && model ? `${cpus} × ${model}` : cpus !== undefined ? `${cpus} CPUs` : model;
  const parts = [cores ?? 'machine not recorded', node ? `Node ${node}` : undefined, result.at.slice(0, 10)];
  if (opts.load) parts.push(loadAtStart === undefined ? 'load not recorded' : `load ${fig(loadAtStart)}`);
  return parts.filter((p) => p !== undefined).join(', ');
}

/** "10,000 articles", "seeded content" (`--articles 0`), "running system" (`--running`). */
export function workloadLabel(w: Workload): string {
  if (w.running) return 'running system';
  if (w.articles === undefined) return 'articles not recorded';
  const size = w.articles === 0 ? 'seeded content' : `${fig(w.articles)} articles`;
  return w.semantic ? `${size}, semantic search on` : size;
}
