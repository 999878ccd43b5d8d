import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Blocks from './Blocks.astro';
import { collectHeadings } from '@stackguide/content';
import type { Block } from '@stackguide/contracts/blocks';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (blocks: Block[]) => container.renderToString(Blocks, { props: { blocks, headings: collectHeadings(blocks) } });
const ALLOWED_TAGS = new Set([
  'p',
  'strong',
  'em',
  'u',
  's',
  'code',
  'pre',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'span',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
]);

/** Markup structure with attribute values blanked, so only real tags and attribute names remain. */
function structure(html: string): { tags: string[]; attributes: string[] } {
  const bare = html.replace(/="[^"]*"/g, '=""');
  return {
    tags: [...bare.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()),
    attributes: [...bare.matchAll(/\s([\w-]+)=""/g)].map((m) => m[1]!.toLowerCase()),
  };
}

const text = (t: string) => ({ type: 'text' as const, text: t });
const link = (url: string, label = 'click') => ({ type: 'link' as const, url, children: [text(label)] });

describe('Blocks renderer with hostile content', () => {
  it('escapes script tags and HTML in every kind of text', async () => {
    const html = await render([
      { type: 'paragraph', children: [text('<script>alert(1)</script>'), { ...text('<img src=x onerror=alert(2)>'), bold: true }] },
      { type: 'heading', level: 2, children: [text('<b onclick="alert(3)">Title</b>')] },
      { type: 'quote', children: [text('</blockquote><iframe src=//evil>')] },
      { type: 'code', language: 'html"><script>alert(4)</script>', children: [text('</code></pre><script>alert(5)</script>')] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('<style>body{display:none}</style>')] }] },
    ]);
    const { tags, attributes } = structure(html);
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).toContain('data-language="htmlscriptalert4script"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(5)&lt;/script&gt;');
    expect(html).toContain('<strong>');
  });

  it('renders javascript:, data: and disguised script URLs as plain text', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' \tjava\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ];
    const html = await render([{ type: 'paragraph', children: hostile.map((url, i) => link(url, `bad ${i}`)) }]);
    expect(html).not.toContain('href');
    expect(html).not.toMatch(/<a\b/);
    for (let i = 0; i < hostile.length; i++) expect(html).toContain(`bad ${i}`);
  });

  it('keeps http(s), mailto and relative links, escaping attribute breakouts', async () => {
    const html = await render([
      {
        type: 'paragraph',
        children: [
          link('https://example.com/a?b=1&c=2'),
          link('mailto:hi@example.com'),
          link('/articles/x/'),
          link('#part'),
          link('https://x.test/"onmouseover="alert(1)'),
        ],
      },
    ]);
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:hi@example.com"');
    expect(html).toContain('href="/articles/x/"');
    expect(html).toContain('href="#part"');
    expect(structure(html).attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).toContain('href="https://x.test/&quot;onmouseover=&quot;alert(1)"');
  });

  it('gives headings unique slugified anchors and nests sub-lists inside their item', async () => {
    const html = await render([
      { type: 'heading', level: 1, children: [text('Why Go? Really!')] },
      { type: 'heading', level: 3, children: [text('Why Go? Really!')] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [text('one')] },
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('one-a')] }] },
        ],
      },
    ]);
    expect(html).toMatch(/<h2 id="why-go-really"[^>]*>Why Go\? Really!<a class="heading-anchor" href="#why-go-really"/);
    expect(html).toMatch(/<h3 id="why-go-really-2"/);
    expect(html).toMatch(/<ol><li>\s*one\s*<ul><li>\s*one-a\s*<\/li><\/ul>\s*<\/li><\/ol>/);
  });
});
