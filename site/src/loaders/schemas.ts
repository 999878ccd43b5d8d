import { z } from 'astro/zod';
import { blockImageSchema, blockSchema } from './blocks-schema.ts';

/**
 * Entry shapes as the site stores them: Strapi's REST items minus what pages never use, with
 * media URLs made absolute. The same schemas validate Strapi's answers and the content collections.
 */
const ref = { documentId: z.string().min(1), name: z.string().min(1), slug: z.string().min(1) };

export const skillCategories = ['language', 'framework', 'database', 'protocol', 'practice', 'tool'] as const;
export type SkillCategory = (typeof skillCategories)[number];

export const skillSchema = z.object({
  ...ref,
  category: z.enum(skillCategories),
  description: z.string().nullable().default(null),
});

export const roleSchema = z.object({
  ...ref,
  tagline: z.string().nullable().default(null),
  summary: z.string().nullable().default(null),
  responsibilities: z.array(z.object({ title: z.string(), description: z.string().nullable().default(null) })).default([]),
  salaryBands: z
    .array(
      z.object({
        region: z.string(),
        currency: z.string().length(3),
        period: z.enum(['month', 'year']),
        level: z.enum(['entry', 'experienced', 'lead', 'manager']),
        min: z.number().nonnegative(),
        max: z.number().nonnegative().nullable(),
        sourceNote: z.string().nullable().default(null),
      }),
    )
    .default([]),
  skills: z.array(skillSchema).default([]),
});

export const articleSchema = z.object({
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
  firstPublishedAt: z.coerce.date().nullable().default(null),
})
  // Strapi stamps publishedAt anew on every publish (an edit would make an old article the newest):
  // the site dates and orders an article by when it first went live (cms/src/first-published.ts).
  .transform(({ firstPublishedAt, ...article }) => ({ ...article, publishedAt: firstPublishedAt ?? article.publishedAt }));

export type Skill = z.infer<typeof skillSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Article = z.infer<typeof articleSchema>;

export const collectionSchemas = { articles: articleSchema, roles: roleSchema, skills: skillSchema } as const;
export type CollectionName = keyof typeof collectionSchemas;
