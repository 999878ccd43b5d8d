import type { Block } from '@stackguide/contracts/blocks';
import { describe, expect, it } from 'vitest';
import { bodyLinks } from './body-links.ts';

const text = (t: string) => ({ type: 'text' as const, text: t });
const link = (url: string, t: string) => ({ type: 'link' as const, url, children: [text(t)] });

describe('bodyLinks', () => {
  it('finds links in paragraphs, headings, quotes and nested lists, in reading order', () => {
    const body: Block[] = [
      { type: 'heading', level: 2, children: [link('/skills/go/', 'Go')] },
      { type: 'paragraph', children: [text('See '), link('/articles/a/', 'the first'), text(' and '), link('https://x.test', 'docs')] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [link('/roles/backend-developer/', 'backend')] },
          { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [link('/articles/b/', 'nested')] }] },
        ],
      },
      { type: 'quote', children: [link('/articles/c/', 'quoted')] },
      { type: 'code', children: [text('<a href="/articles/d/">not a link</a>')] },
      { type: 'image', image: { url: '/uploads/x.png', alternativeText: 'x', width: 1, height: 1 } },
    ];
    expect(bodyLinks(body)).toEqual([
      { url: '/skills/go/', text: 'Go' },
      { url: '/articles/a/', text: 'the first' },
      { url: 'https://x.test', text: 'docs' },
      { url: '/roles/backend-developer/', text: 'backend' },
      { url: '/articles/b/', text: 'nested' },
      { url: '/articles/c/', text: 'quoted' },
    ]);
  });

  it('has none for an empty or missing body', () => {
    expect(bodyLinks(null)).toEqual([]);
    expect(bodyLinks([])).toEqual([]);
  });
});
