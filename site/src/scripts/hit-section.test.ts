import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/search-sync/contract';
import { describe, expect, it } from 'vitest';
import { bestSection, hitHref } from './hit-section.ts';

const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;
const section = (id: string, heading: string, text: string) => ({ id, heading, text });

describe('bestSection', () => {
  it('picks the section matching the most query words', () => {
    const hit = {
      _formatted: {
        title: 'Relational vs non-relational databases',
        sections: [section('relational', 'Relational', `a ${hl('database')}`), section('how-to-choose', `How to ${hl('choose')}`, `the ${hl('database')} you need`)],
      },
    };
    expect(bestSection(hit)?.id).toBe('how-to-choose');
    expect(hitHref('/articles/db/', bestSection(hit))).toBe('/articles/db/#how-to-choose');
  });

  it('keeps an article that matches at its top (title, excerpt, intro) as a whole', () => {
    const hit = { _formatted: { title: `${hl('Docker')} basics`, sections: [section('tooling', 'Tooling', `${hl('Docker')} runs it`)] } };
    expect(bestSection(hit)).toBeNull();
    expect(hitHref('/articles/d/', null)).toBe('/articles/d/');
  });

  it('prefers a section whose heading matches when the word counts tie', () => {
    const hit = { _formatted: { sections: [section('a', 'A', `${hl('agile')}`), section('agile', `${hl('Agile')} work`, 'text')] } };
    expect(bestSection(hit)?.id).toBe('agile');
  });

  it('ignores sections without a match, with an id the site never makes, or of the wrong shape', () => {
    const hit = {
      _formatted: {
        sections: [section('plain', 'Plain', 'no match'), section('"><script>', hl('x'), ''), { id: 3, heading: hl('x'), text: '' }, null, 'x'],
      },
    };
    expect(bestSection(hit)).toBeNull();
    expect(bestSection({})).toBeNull();
    expect(bestSection({ _formatted: { sections: 'nope' } })).toBeNull();
  });
});
