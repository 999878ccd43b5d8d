/**
 * `npm run generate -w cms -- --articles N [--seed S]` adds N synthetic published articles for
 * benchmarks; `--clean` removes every generated article (slugs starting with "gen-").
 */
import { parseArgs } from 'node:util';
import { progressBar } from '@stackguide/runtime';
import type { Core } from '@strapi/strapi';
import { GENERATED_PREFIX, syntheticArticles } from '../src/generate/synthetic-articles';
import { runJob } from './boot';
import { backdatePublished } from '../src/first-published';

const ARTICLE = 'api::article.article';
const BATCH = 100;

const { values } = parseArgs({
  options: { articles: { type: 'string' }, clean: { type: 'boolean' }, seed: { type: 'string' }, verbose: { type: 'boolean' } },
});

runJob('generate', async (app) => {
  if (values.clean) return clean(app);
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count <= 0) throw new Error('pass --articles N (a positive whole number) or --clean');
  await generate(app, count, Number(values.seed ?? 42));
});

async function generate(app: Core.Strapi, count: number, seed: number): Promise<void> {
  const roles = await app.documents('api::role.role').findMany({ fields: ['slug', 'name'], limit: 100 });
  const skills = await app.documents('api::skill.skill').findMany({ fields: ['slug', 'name'], limit: 1000 });
  const roleIds = new Map(roles.map((r) => [r.slug as string, r.documentId]));
  const skillIds = new Map(skills.map((s) => [s.slug as string, s.documentId]));
  const offset = await app.db.query(ARTICLE).count({ where: { slug: { $startsWith: GENERATED_PREFIX }, publishedAt: { $null: true } } });
  const refs = { roles: roles.map((r) => ({ slug: r.slug as string, name: r.name as string })), skills: skills.map((s) => ({ slug: s.slug as string, name: s.name as string })) };
  const bar = progressBar('generate: articles', count, { unit: 'articles' });
  const articles = syntheticArticles(count, refs, { seed: seed + offset, offset });
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    // One transaction per batch: SQLite commits are the slow part, not the inserts.
    await app.db.transaction(async () => {
      for (let i = 0; i < size; i++) {
        const next = articles.next();
        if (next.done) return;
        const { roles: roleSlugs, skills: skillSlugs, publishedDaysAgo, wordCount: _words, ...fields } = next.value;
        const created = await app.documents(ARTICLE).create({
          data: {
            ...fields,
            roles: { connect: roleSlugs.map((slug) => ({ documentId: roleIds.get(slug)! })) },
            skills: { connect: skillSlugs.map((slug) => ({ documentId: skillIds.get(slug)! })) },
          },
          status: 'published',
        });
        await backdatePublished(app, created.documentId, publishedDaysAgo);
      }
    });
    bar.tick(size);
  }
  bar.end();
  console.log(`generate: created ${count} published articles (${offset + count} generated in total)`);
}

async function clean(app: Core.Strapi): Promise<void> {
  const docs = await app.db.query(ARTICLE).findMany({ where: { slug: { $startsWith: GENERATED_PREFIX }, publishedAt: { $null: true } }, select: ['documentId'] });
  const bar = progressBar('generate: removing', docs.length, { unit: 'articles' });
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    await app.db.transaction(async () => {
      for (const doc of batch) await app.documents(ARTICLE).delete({ documentId: doc.documentId as string });
    });
    bar.tick(batch.length);
  }
  bar.end();
  console.log(`generate: removed ${docs.length} generated articles`);
}
