import type { Block } from '@stackguide/contracts/blocks';
import type { SkillCategory } from '@stackguide/contracts/entries';

export type SeedSkill = {
  slug: string;
  name: string;
  category: SkillCategory;
  /** At most 280 characters. */
  description: string;
};

export type SeedResponsibility = { title: string; description: string };

export type SeedSalaryBand = {
  region: string;
  currency: 'EUR';
  period: 'month' | 'year';
  level: 'entry' | 'experienced' | 'lead' | 'manager';
  min: number;
  /** null means "and more": the source gives only a lower bound. */
  max: number | null;
  /** Which source statement the figures come from, in our words. */
  sourceNote: string;
};

export type SeedRole = {
  slug: string;
  name: string;
  /** At most 140 characters. */
  tagline: string;
  /** At most 600 characters. */
  summary: string;
  responsibilities: SeedResponsibility[];
  /** Skill slugs. */
  skills: string[];
  salaryBands: SeedSalaryBand[];
};

export type SeedArticle = {
  slug: string;
  /** At most 120 characters. */
  title: string;
  /** At most 300 characters. */
  excerpt: string;
  authorName: string;
  status: 'published' | 'draft';
  /** Role slugs. */
  roles: string[];
  /** Skill slugs. */
  skills: string[];
  seo: {
    /** At most 70 characters. */
    metaTitle: string;
    /** At most 160 characters. */
    metaDescription: string;
  };
  body: Block[];
  /** Spreads publish dates so "latest" ordering is meaningful; ignored for drafts. */
  publishedDaysAgo: number;
};
