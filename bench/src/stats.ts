export type Summary = { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

/**
 * The q-quantile (0..1) of `samples` by linear interpolation between closest ranks (the same
 * definition as numpy's default), so p50 of an even count is the mean of the middle two.
 * @throws RangeError when there are no samples or q is outside 0..1.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within 0..1, got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  const lo = sorted[lower]!;
  const hi = sorted[upper]!;
  return lo + (hi - lo) * (pos - lower);
}

/** n, min, p50, p95, p99, max and mean of the samples (all NaN when there are none). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { n: 0, min: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  return {
    n: samples.length,
    min: Math.min(...samples),
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/** a / b, or NaN when b is zero or either is not a number (ratios are what this noisy machine can compare). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN;
}
