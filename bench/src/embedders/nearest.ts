/** Vectors of one length, one after another. */
export type VectorRows = { dimensions: number; values: Float32Array };

/** Each row scaled to unit length (a zero row stays zero), so a dot product is a cosine. */
export function unitRows({ dimensions, values }: VectorRows): VectorRows {
  const out = new Float32Array(values.length);
  for (let start = 0; start < values.length; start += dimensions) {
    let sum = 0;
    for (let j = 0; j < dimensions; j++) sum += values[start + j]! ** 2;
    const norm = Math.sqrt(sum) || 1;
    for (let j = 0; j < dimensions; j++) out[start + j] = values[start + j]! / norm;
  }
  return { dimensions, values: out };
}

/**
 * The indexes of the `limit` rows of `docs` nearest to row `row` of `queries` by cosine, nearest
 * first; ties keep document order. Exact, unlike Meilisearch's approximate vector search, so the
 * figures are the model's. Both sets must be unit rows (`unitRows`).
 */
export function nearest(queries: VectorRows, row: number, docs: VectorRows, limit: number): number[] {
  const { dimensions } = docs;
  if (queries.dimensions !== dimensions) throw new Error(`query vectors have ${queries.dimensions} dimensions, documents ${dimensions}`);
  const q = queries.values.subarray(row * dimensions, (row + 1) * dimensions);
  const count = docs.values.length / dimensions;
  const scores = new Float64Array(count);
  for (let d = 0; d < count; d++) {
    let dot = 0;
    const base = d * dimensions;
    for (let j = 0; j < dimensions; j++) dot += q[j]! * docs.values[base + j]!;
    scores[d] = dot;
  }
  return [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, limit);
}
