import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@stackguide/contracts/search-queries';
import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightHtml } from './highlight.ts';

const hl = (s: string) => `${HIGHLIGHT_PRE}${s}${HIGHLIGHT_POST}`;

describe('highlightHtml', () => {
  it('turns only the contract markers into <mark>', () => {
    expect(highlightHtml(`Intro to ${hl('Postgres')} and ${hl('SQL')}`)).toBe('Intro to <mark>Postgres</mark> and <mark>SQL</mark>');
  });

  it('escapes markup from the index, including inside highlights', () => {
    expect(highlightHtml(`<img src=x onerror=alert(1)> ${hl('<mark>x</mark>')}`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <mark>&lt;mark&gt;x&lt;/mark&gt;</mark>',
    );
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('keeps the output balanced when markers are stray or nested', () => {
    expect(highlightHtml(`a${HIGHLIGHT_POST}b`)).toBe('ab');
    expect(highlightHtml(`${HIGHLIGHT_PRE}a${HIGHLIGHT_PRE}b`)).toBe('<mark>ab</mark>');
    expect(highlightHtml('')).toBe('');
  });
});
