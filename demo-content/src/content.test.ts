import { describe, expect, it } from 'vitest';
import type { Block } from '@stackguide/contracts/blocks';
import { articles } from './articles.ts';
import { roles } from './roles.ts';
import { skills } from './skills.ts';

const skillSlugs = new Set(skills.map((s) => s.slug));
const roleSlugs = new Set(roles.map((r) => r.slug));
const published = articles.filter((a) => a.status === 'published');
const drafts = articles.filter((a) => a.status === 'draft');

const kebab = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

type Node = { type: string; text?: string; url?: string; children?: Node[] };

function* walk(nodes: Node[]): Generator<Node> {
  for (const node of nodes) {
    yield node;
    if (node.children) yield* walk(node.children);
  }
}
const nodes = (blocks: Block[]): Node[] => [...walk(blocks as Node[])];
const wordCount = (blocks: Block[]): number => nodes(blocks).flatMap((n) => n.text?.split(/\s+/).filter(Boolean) ?? []).length;
const links = (blocks: Block[]): string[] => nodes(blocks).flatMap((n) => (n.type === 'link' && n.url ? [n.url] : []));

const unique = (values: string[]): boolean => new Set(values).size === values.length;

describe('seed skills', () => {
  it('have unique kebab-case slugs and short descriptions', () => {
    expect(unique(skills.map((s) => s.slug))).toBe(true);
    for (const s of skills) {
      expect(s.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.description.length, s.slug).toBeLessThanOrEqual(280);
    }
  });
});

describe('seed roles', () => {
  it('are the three roles, each linking existing skills', () => {
    expect([...roleSlugs].sort()).toEqual(['backend-developer', 'frontend-developer', 'full-stack-developer']);
    for (const r of roles) {
      expect(r.tagline.length, r.slug).toBeLessThanOrEqual(140);
      expect(r.summary.length, r.slug).toBeLessThanOrEqual(600);
      expect(r.responsibilities.length, r.slug).toBeGreaterThanOrEqual(4);
      expect(r.responsibilities.length, r.slug).toBeLessThanOrEqual(6);
      expect(
        r.skills.filter((s) => !skillSlugs.has(s)),
        r.slug,
      ).toEqual([]);
      expect(unique(r.skills), r.slug).toBe(true);
    }
  });

  it('have salary bands with a source note and max never below min', () => {
    for (const band of roles.flatMap((r) => r.salaryBands)) {
      expect(band.sourceNote.length).toBeGreaterThan(20);
      if (band.max !== null) expect(band.max).toBeGreaterThanOrEqual(band.min);
    }
  });
});

describe('seed articles', () => {
  it('have unique slugs derived from unique titles', () => {
    expect(unique(articles.map((a) => a.slug))).toBe(true);
    expect(unique(articles.map((a) => a.title))).toBe(true);
    for (const a of articles) expect(a.slug).toBe(kebab(a.title));
  });

  it('respect the field length limits', () => {
    for (const a of articles) {
      expect(a.title.length, a.slug).toBeLessThanOrEqual(120);
      expect(a.excerpt.length, a.slug).toBeGreaterThan(0);
      expect(a.excerpt.length, a.slug).toBeLessThanOrEqual(300);
      expect(a.seo.metaTitle.length, a.slug).toBeLessThanOrEqual(70);
      expect(a.seo.metaDescription.length, a.slug).toBeLessThanOrEqual(160);
    }
  });

  it('link only roles and skills that exist', () => {
    for (const a of articles) {
      expect(
        a.roles.filter((r) => !roleSlugs.has(r)),
        a.slug,
      ).toEqual([]);
      expect(
        a.skills.filter((s) => !skillSlugs.has(s)),
        a.slug,
      ).toEqual([]);
      expect(a.roles.length, a.slug).toBeGreaterThan(0);
    }
    for (const a of published) {
      expect(a.skills.length, a.slug).toBeGreaterThanOrEqual(3);
      expect(a.skills.length, a.slug).toBeLessThanOrEqual(8);
    }
  });

  it('have at least 12 published articles and exactly two "DRAFT: " drafts', () => {
    expect(published.length).toBeGreaterThanOrEqual(12);
    expect(drafts.length).toBe(2);
    for (const d of drafts) expect(d.title.startsWith('DRAFT: ')).toBe(true);
    for (const a of published) expect(a.title).not.toMatch(/draft/i);
  });

  it('give published articles real bodies and distinct publish dates', () => {
    for (const a of published) expect(wordCount(a.body), a.slug).toBeGreaterThanOrEqual(300);
    expect(unique(published.map((a) => String(a.publishedDaysAgo)))).toBe(true);
  });

  it('exercise code and quote blocks in one published article', () => {
    const both = published.filter((a) => a.body.some((b) => b.type === 'code') && a.body.some((b) => b.type === 'quote'));
    expect(both.length).toBeGreaterThan(0);
  });

  it('link internally only to roles and published articles that exist', () => {
    const known = new Set([...[...roleSlugs].map((s) => `/roles/${s}/`), ...published.map((a) => `/articles/${a.slug}/`)]);
    const all = published.flatMap((a) => links(a.body));
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((url) => !known.has(url))).toEqual([]);
  });
});
