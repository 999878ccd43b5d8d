import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { bestSection, hitHref } from './hit-section.ts';

const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;
const section = (id: string, heading: string, text: string) => ({ id, heading, text });

describe('bestSection', () => {
  it('picks the section matching the most query words', () => {
    const hit = {
      _formatted: {
        title: `Relational vs non-relational ${hl('databases')}`,
        sections: [
          section('relational', 'Relational', `a ${hl('database')}`),
          section('how-to-choose', `How to ${hl('choose')}`, `the ${hl('database')} you need`),
        ],
      },
    };
    expect(bestSection(hit, 'database choose')?.id).toBe('how-to-choose');
    expect(hitHref('/articles/db/', bestSection(hit, 'database choose'))).toBe('/articles/db/#how-to-choose');
  });

  it('opens at the top an article whose title matches every query word, holds every matched word, or loses to the intro', () => {
    const titled = {
      _formatted: { title: `${hl('Docker')} basics`, sections: [section('tooling', 'Tooling', `${hl('Docker')} runs it`)] },
    };
    expect(bestSection(titled, 'docker')).toBeNull();
    expect(hitHref('/articles/d/', null)).toBe('/articles/d/');
    const synonyms = {
      _formatted: {
        title: `What a ${hl('developer')} does`,
        sections: [section('s', 'S', `${hl('programmers')} and ${hl('develop')}ment`)],
      },
    };
    expect(bestSection(synonyms, 'developer'), 'a synonym or a prefix of the one word the title matched').toBeNull();
    const intro = {
      _formatted: { content: `${hl('hosting')} and ${hl('scaling')}`, sections: [section('ops', 'Ops', `${hl('hosting')}`)] },
    };
    expect(bestSection(intro, 'hosting scaling')).toBeNull();
  });

  it('does not count the excerpt for the top: it summarises every section', () => {
    const hit = {
      _formatted: {
        excerpt: `${hl('MongoDB')} and ${hl('Redis')}`,
        sections: [section('non-relational', 'Non-relational', `${hl('MongoDB')}, ${hl('Redis')}`)],
      },
    };
    expect(bestSection(hit, 'mongodb redis')?.id).toBe('non-relational');
  });

  it('prefers the section adding words the title lacks, then one whose heading adds them', () => {
    const title = `${hl('Frontend')} ${hl('developers')}`;
    const tools = {
      _formatted: {
        title,
        sections: [
          section('front-end', hl('Front end'), `${hl('front-end')} ${hl('developer')}`),
          section('tools', hl('Tools'), hl('frontend')),
        ],
      },
    };
    expect(bestSection(tools, 'FE dev tools')?.id, 'spellings and plurals of a word count once').toBe('tools');
    const designers = {
      _formatted: {
        title,
        sections: [
          section('design', hl('Front end'), `${hl('design')} ${hl('frontend')}`),
          section('designers', hl('Designers'), hl('frontend')),
        ],
      },
    };
    expect(bestSection(designers, 'designer and frontend developer')?.id).toBe('designers');
  });

  it('ignores sections without a match, with an id the site never makes, or of the wrong shape', () => {
    const hit = {
      _formatted: {
        sections: [
          section('plain', 'Plain', 'no match'),
          section('"><script>', hl('x'), ''),
          { id: 3, heading: hl('x'), text: '' },
          null,
          'x',
        ],
      },
    };
    expect(bestSection(hit, 'x')).toBeNull();
    expect(bestSection({}, 'x')).toBeNull();
    expect(bestSection({ _formatted: { sections: 'nope' } }, 'x')).toBeNull();
  });
});
