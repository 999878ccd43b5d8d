import { describe, expect, it } from 'vitest';
import { articlePath, linkTarget, rolePath, skillPath } from './site-paths.ts';

const page = 'https://stackguide.example/articles/what-backend-developers-do/';

describe('site paths', () => {
  it('builds the pages the site serves', () => {
    expect(articlePath('a b')).toBe('/articles/a%20b/');
    expect(rolePath('backend-developer')).toBe('/roles/backend-developer/');
    expect(skillPath('c#')).toBe('/skills/c%23/');
  });

  it('reads root-relative, absolute and relative links to articles, roles and skills', () => {
    expect(linkTarget('/articles/rest-vs-graphql/', page)).toEqual({ kind: 'article', slug: 'rest-vs-graphql' });
    expect(linkTarget('/articles/rest-vs-graphql', page)).toEqual({ kind: 'article', slug: 'rest-vs-graphql' });
    expect(linkTarget('https://stackguide.example/articles/rest-vs-graphql/#caching', page)).toEqual({
      kind: 'article',
      slug: 'rest-vs-graphql',
    });
    expect(linkTarget('../rest-vs-graphql/?from=x', page)).toEqual({ kind: 'article', slug: 'rest-vs-graphql' });
    expect(linkTarget('/roles/frontend-developer/', page)).toEqual({ kind: 'role', slug: 'frontend-developer' });
    expect(linkTarget('/roles/frontend-developer/articles/2/', page)).toEqual({ kind: 'role', slug: 'frontend-developer' });
    expect(linkTarget(' /skills/c%23/ ', page)).toEqual({ kind: 'skill', slug: 'c#' });
  });

  it('leaves links to other sites and to other pages alone', () => {
    for (const href of [
      'https://example.com/articles/rest-vs-graphql/',
      'http://stackguide.example/articles/rest-vs-graphql/',
      'mailto:editor@stackguide.example',
      '/articles/',
      '/articles/3/',
      '/search/?q=go',
      '/compare/backend-vs-frontend/',
      '#section',
      '/articles/a/b/',
      'http://[bad',
    ])
      expect(linkTarget(href, page), href).toBeNull();
  });
});
