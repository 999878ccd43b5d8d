import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Model } from '../src/model.ts';

type Fixture = {
  vectors: { text: string; values: number[] }[];
  prefixes: { text: string; values: number[]; tolerance: number }[];
  similarities: { texts: string[]; pairs: [number, number, number][]; tolerance: number };
};
const fixture = JSON.parse(fs.readFileSync(new URL('fixtures/reference-outputs.json', import.meta.url), 'utf8')) as Fixture;

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((sum, x, i) => sum + x * b[i]!, 0);
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

let model: Model;
beforeAll(async () => {
  model = await loadModel({ threads: 1 });
});
afterAll(() => model?.release());

describe('the model against outputs published for all-MiniLM-L6-v2', () => {
  it('gives unit vectors of 384 values', async () => {
    const [v] = await model.embed(['a backend developer builds APIs']);
    expect(v).toHaveLength(384);
    expect(Math.sqrt(dot(v!, v!))).toBeCloseTo(1, 5);
  });

  it.each(fixture.vectors)('points where the reference points for "$text"', async ({ text, values }) => {
    const [v] = await model.embed([text]);
    expect(cosine(v!, values)).toBeGreaterThan(0.99999);
  });

  it.each(fixture.prefixes)('starts with the published values for "$text"', async ({ text, values, tolerance }) => {
    const [v] = await model.embed([text]);
    for (const [i, expected] of values.entries()) expect(Math.abs(v![i]! - expected)).toBeLessThan(tolerance);
  });

  it('reproduces the documented similarities, whatever shares the batch', async () => {
    const { texts, pairs, tolerance } = fixture.similarities;
    const vectors = await model.embed([...texts, 'padding makes this batch wider than any of the three sentences above it']);
    for (const [a, b, expected] of pairs) expect(Math.abs(dot(vectors[a]!, vectors[b]!) - expected)).toBeLessThan(tolerance);
  });
});
