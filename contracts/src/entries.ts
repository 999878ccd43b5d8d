import { z } from 'zod';
import { blockImageSchema, blockSchema } from './blocks.ts';

/**
 * Published entries as the CMS's REST API answers them with its default populate
 * (`ENTRY_POPULATE`), minus fields no reader uses. The site validates every answer with these
 * schemas; the fake Strapi in the test kit serves entries of these shapes.
 */
const ref = { documentId: z.string().min(1), name: z.string().min(1), slug: z.string().min(1) };

export const skillCategories = ['language', 'framework', 'database', 'protocol', 'practice', 'tool'] as const;
export type SkillCategory = (typeof skillCategories)[number];

export const skillSchema = z.object({
  ...ref,
  category: z.enum(skillCategories),
  description: z.string().nullable().default(null),
});

export const salaryBandSchema = z.object({
  region: z.string(),
  currency: z.string().length(3),
  period: z.enum(['month', 'year']),
  level: z.enum(['entry', 'experienced', 'lead', 'manager']),
  min: z.number().nonnegative(),
  /** Null: "and more". */
  max: z.number().nonnegative().nullable(),
  sourceNote: z.string().nullable().default(null),
});

export const roleSchema = z.object({
  ...ref,
  tagline: z.string().nullable().default(null),
  summary: z.string().nullable().default(null),
  responsibilities: z.array(z.object({ title: z.string(), description: z.string().nullable().default(null) })).default([]),
  salaryBands: z.array(salaryBandSchema).default([]),
  skills: z.array(skillSchema).default([]),
});

/**
 * A slug an article was live under before, and when it stopped being (the publish that changed it,
 * or its unpublish). The CMS keeps the list (cms/src/previous-slugs.ts); editors cannot write it.
 */
export const previousSlugSchema = z.object({ slug: z.string().min(1), until: z.coerce.date() });

export const articleEntrySchema = z.object({
  documentId: ref.documentId,
  slug: ref.slug,
  title: z.string().min(1),
  excerpt: z.string().nullable().default(null),
  body: z.array(blockSchema).default([]),
  authorName: z.string().nullable().default(null),
  publishedAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  cover: blockImageSchema.nullable().default(null),
  seo: z
    .object({ metaTitle: z.string().nullable().default(null), metaDescription: z.string().nullable().default(null) })
    .nullable()
    .default(null),
  roles: z.array(z.object(ref)).default([]),
  skills: z.array(z.object({ ...ref, category: z.enum(skillCategories) })).default([]),
  /** When it first went live; Strapi moves `publishedAt` on every publish. */
  firstPublishedAt: z.coerce.date().nullable().default(null),
  /** Old slugs whose addresses redirect to this article (never its current slug); null (none yet) reads as empty. */
  previousSlugs: z
    .array(previousSlugSchema)
    .nullish()
    .transform((list) => list ?? []),
});

export type Skill = z.infer<typeof skillSchema>;
export type SalaryBand = z.infer<typeof salaryBandSchema>;
export type Role = z.infer<typeof roleSchema>;
export type ArticleEntry = z.infer<typeof articleEntrySchema>;
export type PreviousSlug = z.infer<typeof previousSlugSchema>;

type Populate = Record<string, unknown>;

/**
 * What the CMS joins into an entry when the caller picks neither `populate` nor `fields`, so every
 * reader gets the shapes above without repeating populate parameters.
 */
export const ENTRY_POPULATE: { article: Populate; role: Populate } = {
  article: {
    cover: { fields: ['url', 'alternativeText', 'width', 'height', 'mime'] },
    seo: { fields: ['metaTitle', 'metaDescription'] },
    roles: { fields: ['name', 'slug'] },
    skills: { fields: ['name', 'slug', 'category'] },
  },
  role: {
    responsibilities: true,
    salaryBands: true,
    skills: { fields: ['name', 'slug', 'category', 'description'] },
  },
};

/** The "Search settings" single type as the REST API answers it (`populate[synonymGroups]=true`). */
export type SearchSettingsEntry = { synonymGroups?: { words?: string | null }[] | null; stopWords?: string | null };
