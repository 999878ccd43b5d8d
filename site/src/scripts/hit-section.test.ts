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

  it('opens at the top an article whose title holds every matched word, or whose intro matches more', () => {
    const titled = { _formatted: { title: `${hl('Docker')} basics`, sections: [section('tooling', 'Tooling', `${hl('Docker')} runs it`)] } };
    expect(bestSection(titled)).toBeNull();
    expect(hitHref('/articles/d/', null)).toBe('/articles/d/');
    const intro = { _formatted: { content: `${hl('hosting')} and ${hl('scaling')}`, sections: [section('ops', 'Ops', `${hl('hosting')}`)] } };
    expect(bestSection(intro)).toBeNull();
  });

  it('does not count the excerpt for the top: it summarises every section', () => {
    const hit = { _formatted: { excerpt: `${hl('MongoDB')} and ${hl('Redis')}`, sections: [section('non-relational', 'Non-relational', `${hl('MongoDB')}, ${hl('Redis')}`)] } };
    expect(bestSection(hit)?.id).toBe('non-relational');
  });

  it('prefers the section adding words the title lacks, then one whose heading adds them', () => {
    const title = `${hl('Frontend')} ${hl('developers')}`;
    const tools = { _formatted: { title, sections: [section('front-end', hl('Front end'), `${hl('front-end')} ${hl('developer')}`), section('tools', hl('Tools'), hl('frontend'))] } };
    expect(bestSection(tools)?.id, 'spellings and plurals of a word count once').toBe('tools');
    const designers = { _formatted: { title, sections: [section('design', hl('Front end'), `${hl('design')} ${hl('frontend')}`), section('designers', hl('Designers'), hl('frontend'))] } };
    expect(bestSection(designers)?.id).toBe('designers');
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
