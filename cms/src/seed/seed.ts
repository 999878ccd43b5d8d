import type { Core } from '@strapi/strapi';
import { articles, roles, type SeedArticle, skills } from '@stackguide/demo-content';
import { backdatePublished } from '../first-published';

export type SeedCounts = { created: number; existing: number };

/** One item checked: `done` of `total` skills, roles or articles, the last one `slug`. */
export type SeedProgress = { kind: 'skills' | 'roles' | 'articles'; done: number; total: number; slug: string };

/**
 * Creates the demo skills, roles and articles that are missing, matched by slug. Existing
 * documents are left as editors made them, so running it again changes nothing. `onProgress`
 * hears about every item (the seed runs inside Strapi too, so it cannot print a bar itself).
 */
export async function seed(strapi: Core.Strapi, onProgress: (p: SeedProgress) => void = () => {}): Promise<SeedCounts> {
  const counts: SeedCounts = { created: 0, existing: 0 };
  const skillIds = await ensureAll(strapi, 'api::skill.skill', skills, counts, onProgress, (skill) =>
    strapi.documents('api::skill.skill').create({ data: skill }),
  );
  const roleIds = await ensureAll(strapi, 'api::role.role', roles, counts, onProgress, (role) =>
    strapi.documents('api::role.role').create({ data: { ...role, skills: connect(role.skills, skillIds, `role ${role.slug}`) } }),
  );
  await ensureAll(strapi, 'api::article.article', articles, counts, onProgress, (article) =>
    createArticle(strapi, article, roleIds, skillIds),
  );
  return counts;
}

type SeedUid = 'api::skill.skill' | 'api::role.role' | 'api::article.article';

/** Creates each item whose slug is not there yet; returns every slug's documentId. */
async function ensureAll<T extends { slug: string }>(
  strapi: Core.Strapi,
  uid: SeedUid,
  items: T[],
  counts: SeedCounts,
  onProgress: (p: SeedProgress) => void,
  create: (item: T) => Promise<{ documentId: string }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const kind = `${uid.split('.')[1]}s` as SeedProgress['kind'];
  for (const [index, item] of items.entries()) {
    // Every document has a draft version, so looking there finds drafts and published ones alike.
    const found = await strapi.documents(uid).findFirst({ filters: { slug: item.slug }, fields: ['slug'], status: 'draft' });
    if (found) counts.existing += 1;
    else counts.created += 1;
    ids.set(item.slug, (found ?? (await create(item))).documentId);
    onProgress({ kind, done: index + 1, total: items.length, slug: item.slug });
  }
  return ids;
}

async function createArticle(
  strapi: Core.Strapi,
  article: SeedArticle,
  roleIds: Map<string, string>,
  skillIds: Map<string, string>,
): Promise<{ documentId: string }> {
  const { status, publishedDaysAgo, roles: roleSlugs, skills: skillSlugs, ...fields } = article;
  const where = `article ${article.slug}`;
  const created = await strapi.documents('api::article.article').create({
    data: { ...fields, roles: connect(roleSlugs, roleIds, where), skills: connect(skillSlugs, skillIds, where) },
    ...(status === 'published' ? { status: 'published' as const } : {}),
  });
  if (status !== 'published') return created;
  // Spread publish dates over the past weeks so "latest articles" has a meaningful order.
  await backdatePublished(strapi, created.documentId, publishedDaysAgo);
  return created;
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
  const counts = await seed(strapi, ({ kind, done, total, slug }) => strapi.log.info(`Seeding ${kind} ${done}/${total}: ${slug}`));
  await store.set({ value: new Date().toISOString() });
  strapi.log.info(`Seeded demo content: ${counts.created} created, ${counts.existing} already there.`);
}
