import type { Core } from '@strapi/strapi';
import { articles } from './content/articles';
import { roles } from './content/roles';
import { skills } from './content/skills';
import type { SeedArticle } from './content/types';
import { progress } from './progress';

export type SeedCounts = { created: number; existing: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the demo skills, roles and articles that are missing, matched by slug. Existing
 * documents are left as editors made them, so running it again changes nothing.
 */
export async function seed(strapi: Core.Strapi): Promise<SeedCounts> {
  const counts: SeedCounts = { created: 0, existing: 0 };
  const skillIds = await seedSkills(strapi, counts);
  const roleIds = await seedRoles(strapi, skillIds, counts);
  await seedArticles(strapi, roleIds, skillIds, counts);
  return counts;
}

async function findBySlug(strapi: Core.Strapi, uid: 'api::skill.skill' | 'api::role.role' | 'api::article.article', slug: string) {
  // Every document has a draft version, so looking there finds drafts and published ones alike.
  return strapi.documents(uid).findFirst({ filters: { slug }, fields: ['slug'], status: 'draft' });
}

async function seedSkills(strapi: Core.Strapi, counts: SeedCounts): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const step = progress('skills', skills.length);
  for (const skill of skills) {
    const found = await findBySlug(strapi, 'api::skill.skill', skill.slug);
    if (found) {
      counts.existing += 1;
      ids.set(skill.slug, found.documentId);
    } else {
      const created = await strapi.documents('api::skill.skill').create({ data: skill });
      counts.created += 1;
      ids.set(skill.slug, created.documentId);
    }
    step(skill.slug);
  }
  return ids;
}

async function seedRoles(strapi: Core.Strapi, skillIds: Map<string, string>, counts: SeedCounts): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const step = progress('roles', roles.length);
  for (const role of roles) {
    const found = await findBySlug(strapi, 'api::role.role', role.slug);
    if (found) {
      counts.existing += 1;
      ids.set(role.slug, found.documentId);
    } else {
      const created = await strapi.documents('api::role.role').create({
        data: { ...role, skills: connect(role.skills, skillIds, `role ${role.slug}`) },
      });
      counts.created += 1;
      ids.set(role.slug, created.documentId);
    }
    step(role.slug);
  }
  return ids;
}

async function seedArticles(
  strapi: Core.Strapi,
  roleIds: Map<string, string>,
  skillIds: Map<string, string>,
  counts: SeedCounts,
): Promise<void> {
  const step = progress('articles', articles.length);
  for (const article of articles) {
    if (await findBySlug(strapi, 'api::article.article', article.slug)) {
      counts.existing += 1;
    } else {
      await createArticle(strapi, article, roleIds, skillIds);
      counts.created += 1;
    }
    step(article.slug);
  }
}

async function createArticle(
  strapi: Core.Strapi,
  article: SeedArticle,
  roleIds: Map<string, string>,
  skillIds: Map<string, string>,
): Promise<void> {
  const { status, publishedDaysAgo, roles: roleSlugs, skills: skillSlugs, ...fields } = article;
  const where = `article ${article.slug}`;
  const created = await strapi.documents('api::article.article').create({
    data: { ...fields, roles: connect(roleSlugs, roleIds, where), skills: connect(skillSlugs, skillIds, where) },
    ...(status === 'published' ? { status: 'published' as const } : {}),
  });
  if (status !== 'published') return;
  // Spread publish dates over the past weeks so "latest articles" has a meaningful order.
  await strapi.db.query('api::article.article').updateMany({
    where: { documentId: created.documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: new Date(Date.now() - publishedDaysAgo * DAY_MS) },
  });
}

function connect(slugs: string[], ids: Map<string, string>, where: string): { connect: { documentId: string }[] } {
  return {
    connect: slugs.map((slug) => {
      const documentId = ids.get(slug);
      if (!documentId) throw new Error(`Seed data for ${where} links to unknown slug "${slug}"`);
      return { documentId };
    }),
  };
}

const SEEDED_KEY = { type: 'core' as const, name: 'stackguide', key: 'seeded' };

/** Seeds once per database: later starts leave content alone even if editors deleted demo items. */
export async function seedOnFirstStart(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store(SEEDED_KEY);
  if (await store.get()) return;
  const counts = await seed(strapi);
  await store.set({ value: new Date().toISOString() });
  strapi.log.info(`Seeded demo content: ${counts.created} created, ${counts.existing} already there.`);
}
