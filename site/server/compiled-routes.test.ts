import { describe, expect, it } from 'vitest';
import { probePath } from './compiled-routes.ts';

const part = (content: string, dynamic = false, spread = false) => ({ content, dynamic, spread });

describe('probePath', () => {
  it('keeps static segments and gives a rest param no segment, so a named param cannot take the path', () => {
    expect(probePath({ segments: [[part('articles')], [part('...page', true, true)]] })).toBe('/articles');
    expect(probePath({ segments: [[part('roles')], [part('slug', true)], [part('articles')], [part('...page', true, true)]] })).toBe(
      '/roles/~probe~/articles',
    );
    expect(probePath({ segments: [] })).toBe('/');
  });

  it('fills a param with a value no static route spells, also inside a segment', () => {
    expect(probePath({ segments: [[part('articles')], [part('slug', true)]] })).toBe('/articles/~probe~');
    expect(probePath({ segments: [[part('sitemap-'), part('chunk', true), part('.xml')]] })).toBe('/sitemap-~probe~.xml');
    expect(probePath({ segments: [[part('404')]] })).toBe('/404');
  });
});
