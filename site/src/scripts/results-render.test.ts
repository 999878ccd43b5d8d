import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { hitFacets, renderFacets } from './facets.ts';
import { renderHits, resultCountText, sectionUpgrades } from './results-render.ts';
import { withSections } from './search-request.ts';

describe('renderHits', () => {
  it('renders escaped, highlighted options that link to the article', () => {
    const html = renderHits(
      [
        {
          url: '/articles/a/',
          title: 'x',
          roleNames: ['Back<end>'],
          _formatted: { title: `${HIGHLIGHT_PRE}<b>${HIGHLIGHT_POST}`, content: '…a "q"…' },
        },
      ],
      'h',
      'q',
    );
    expect(html).toBe(
      '<a role="option" id="h-0" class="search-hit" href="/articles/a/" tabindex="-1" aria-selected="false">' +
        '<span class="search-hit-title"><mark>&lt;b&gt;</mark></span><span class="search-hit-snippet">…a &quot;q&quot;…</span>' +
        '<span class="search-hit-roles"><span class="chip">Back&lt;end&gt;</span></span></a>',
    );
  });

  it('renders a role or skill page with its name, the line under it and its kind, never a section', () => {
    const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;
    const html = renderHits(
      [
        {
          id: 'skill-s1',
          type: 'skill',
          url: '/skills/postgresql/',
          name: 'PostgreSQL',
          _formatted: { name: hl('PostgreSQL'), summary: 'A <relational> database.' },
        },
        { id: 'a1', url: '/articles/a/', title: 'A' },
      ],
      'h',
      'postgresql',
    );
    expect(html).toBe(
      '<a role="option" id="h-0" class="search-hit" href="/skills/postgresql/" tabindex="-1" aria-selected="false">' +
        '<span class="search-hit-title"><mark>PostgreSQL</mark></span><span class="search-hit-snippet">A &lt;relational&gt; database.</span>' +
        '<span class="search-hit-roles"><span class="chip chip-type">Skill</span></span></a>' +
        '<a role="option" id="h-1" class="search-hit" href="/articles/a/" tabindex="-1" aria-selected="false">' +
        '<span class="search-hit-title">A</span></a>',
    );
  });

  it('names and links the matched section, escaping its heading and text, numbered from the page’s first result', () => {
    const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;
    const html = renderHits(
      [
        {
          url: '/articles/a/',
          title: 'Title',
          _formatted: {
            title: 'Title',
            sections: [
              { id: 'intro', heading: 'Intro', text: 'nothing here' },
              {
                id: 'img-src-x-onerror-alert-1',
                heading: `<img src=x onerror=alert(1)> ${hl('docker')}`,
                text: `run ${hl('<b>docker</b>')}`,
              },
            ],
          },
        },
      ],
      'h',
      'docker',
      20,
    );
    expect(html).toContain('id="h-20"');
    expect(html).toContain('href="/articles/a/#img-src-x-onerror-alert-1"');
    expect(html).toContain(
      '<span class="search-hit-snippet"><span class="search-hit-section"><span class="visually-hidden">Section: </span>&lt;img src=x onerror=alert(1)&gt; <mark>docker</mark></span> ' +
        'run <mark>&lt;b&gt;docker&lt;/b&gt;</mark></span>',
    );
    expect(html).not.toContain('<img');
  });

  it('upgrades, once sections arrive, only the options whose best match lies in a section, keeping their ids and positions', () => {
    const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;
    const painted = [
      { id: 'x', url: 'javascript:alert(1)', title: 'dropped' },
      { id: 'a', url: '/articles/a/', title: 'Alpha', _formatted: { title: 'Alpha', content: 'intro' } },
      { id: 'b', url: '/articles/b/', title: 'Beta', _formatted: { title: 'Beta', content: 'intro' } },
    ];
    const first = renderHits(painted, 'h', 'kafka', 10);
    expect(first).not.toContain('#');
    const merged = withSections(painted, [
      { id: 'a', _formatted: { sections: [{ id: 'nothing', heading: 'Nothing', text: 'here' }] } },
      { id: 'b', _formatted: { sections: [{ id: 'queues', heading: `${hl('Kafka')} queues`, text: `run ${hl('kafka')}` }] } },
    ]);
    const upgrades = sectionUpgrades(merged, 'h', 'kafka', 10);
    expect(upgrades.map((u) => [u.id, u.href])).toEqual([['h-11', '/articles/b/#queues']]);
    expect(first).toContain('<a role="option" id="h-11" class="search-hit" href="/articles/b/" tabindex="-1" aria-selected="false">');
    const full = renderHits(merged, 'h', 'kafka', 10);
    expect(full).toContain(
      `id="h-11" class="search-hit" href="/articles/b/#queues" tabindex="-1" aria-selected="false">${upgrades[0]!.html}</a>`,
    );
    expect(upgrades[0]!.html).toContain(
      '<span class="search-hit-section"><span class="visually-hidden">Section: </span><mark>Kafka</mark> queues</span> run <mark>kafka</mark>',
    );
  });

  it('drops hits whose url is not a path on this site', () => {
    const bad = ['javascript:alert(1)', '//evil.example/', 'https://evil.example/', '/\\evil', 42];
    expect(
      renderHits(
        bad.map((url) => ({ url, title: 't' })),
        'h',
        't',
      ),
    ).toBe('');
  });
});

describe('resultCountText', () => {
  it('says how many, for what, and how fast', () => {
    expect(resultCountText(1, 3, ' go ')).toBe('1 result for “go” (3 ms).');
    expect(resultCountText(12, 0, '')).toBe('12 results (0 ms).');
    expect(resultCountText(0, 1, 'zzz')).toBe('No articles match “zzz”.');
  });
});

describe('renderFacets', () => {
  it('lists counted values by count with display names, keeps chosen values, escapes', () => {
    const html = renderFacets(
      { roles: { 'backend-developer': 2, 'frontend-developer': 5 }, skills: { '<C#>': 1 } },
      { q: '', page: 1, roles: [], skills: ['Go'] },
      { 'backend-developer': 'Backend developer' },
    );
    expect(html.indexOf('frontend-developer')).toBeLessThan(html.indexOf('Backend developer'));
    expect(html).toContain('value="Go" data-facet="skills" checked> Go <span class="facet-count">(0)</span>');
    expect(html).toContain('value="&lt;C#&gt;"');
    expect(html).not.toContain('<C#>');
  });

  it('offers a filter box for a facet with many values, keeping what was typed (escaped), and says when none match', () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`Skill ${i}`, 1]));
    const state = { q: '', page: 1, roles: [], skills: [] };
    expect(renderFacets({ skills: many }, state, {})).toContain(
      '<input type="search" class="facet-filter" data-facet-filter="skills" aria-label="Filter skills"',
    );
    expect(renderFacets({ skills: { Go: 1 } }, state, {})).not.toContain('facet-filter');
    const filtered = renderFacets({ skills: {} }, state, {}, { skills: '"><b>' });
    expect(filtered).toContain('value="&quot;&gt;&lt;b&gt;"');
    expect(filtered).toContain('<li class="facet-none">No skills match</li>');
  });

  it('renders nothing when there is nothing to filter by', () => {
    expect(renderFacets({}, { q: 'x', page: 1, roles: [], skills: [] }, {})).toBe('');
  });
});

describe('hitFacets', () => {
  it('counts the roles and skills the hits carry, skipping what is not a list', () => {
    const hits = [
      { roles: ['backend-developer'], skills: ['SQL', 'Go'] },
      { roles: ['backend-developer', 'full-stack-developer'], skills: ['SQL'] },
      { roles: 'backend-developer', skills: null },
    ];
    expect(hitFacets(hits)).toEqual({
      roles: { 'backend-developer': 2, 'full-stack-developer': 1 },
      skills: { SQL: 2, Go: 1 },
    });
    expect(hitFacets([])).toEqual({ roles: {}, skills: {} });
  });
});
