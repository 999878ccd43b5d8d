import { describe, expect, it } from 'vitest';
import { articleVectors, embeddingText, embeddingTexts, MAX_EMBEDDED_PARTS, WHOLE_SHARE } from './embedder.ts';

describe('embeddingText', () => {
  it('is the title, the excerpt and the section headings, each a sentence', () => {
    const sections = [
      { heading: 'Communication', text: 'Explaining trade-offs.' },
      { heading: 'Is it for you?', text: '' },
      { heading: ' ', text: 'Under an empty heading.' },
    ];
    expect(embeddingText({ title: 'Backend skills', excerpt: 'Beyond code.', sections })).toBe(
      'Backend skills. Beyond code. Communication. Is it for you?',
    );
    expect(embeddingText({ title: 'Backend skills', excerpt: '' })).toBe('Backend skills.');
  });
});

describe('embeddingTexts', () => {
  const article = { title: 'Backend skills', excerpt: 'Beyond code.', content: 'Intro text.', sections: [] };

  it('is the whole, then the body before the first heading, then each section as heading and text', () => {
    const sections = [
      { heading: 'Communication', text: 'Explaining trade-offs.' },
      { heading: 'Testing', text: '' },
    ];
    expect(embeddingTexts({ ...article, sections })).toEqual([
      'Backend skills. Beyond code. Communication. Testing.',
      'Intro text.',
      'Communication. Explaining trade-offs.',
      'Testing',
    ]);
  });

  it('leaves out an empty intro and stops at the most parts an article is embedded with', () => {
    const sections = Array.from({ length: MAX_EMBEDDED_PARTS + 3 }, (_, i) => ({ heading: `H${i}`, text: `T${i}` }));
    const texts = embeddingTexts({ ...article, content: '  ', sections });
    expect(texts).toHaveLength(1 + MAX_EMBEDDED_PARTS);
    expect(texts[1]).toBe('H0. T0');
  });
});

describe('articleVectors', () => {
  const length = (v: number[]) => Math.hypot(...v);

  it('keeps the whole first and blends each part with it, all of unit length', () => {
    const [whole, part] = articleVectors([
      [2, 0],
      [0, 3],
    ]);
    expect(whole).toEqual([1, 0]);
    expect(length(part!)).toBeCloseTo(1, 12);
    expect(part![1]! / part![0]!).toBeCloseTo((1 - WHOLE_SHARE) / WHOLE_SHARE, 12);
  });

  it('ranks an article by a query near one of its parts above one whose whole is only halfway there', () => {
    const query = [0, 1];
    const cos = (a: number[]) => a[1]! / length(a);
    const sectioned = Math.max(...articleVectors([[1, 0], query]).map(cos));
    const halfway = cos(articleVectors([[1, 0.5]])[0]!);
    expect(sectioned).toBeGreaterThan(halfway);
  });

  it('is empty without a whole vector', () => {
    expect(articleVectors([])).toEqual([]);
  });
});
