/**
 * `npm run generate -w cms -- --articles N [--seed S]` adds N synthetic published articles for
 * benchmarks; `--clean` removes every generated article (slugs starting with "gen-").
 */
import { parseArgs } from 'node:util';
import { progressBar } from '@stackguide/runtime';
import type { Core } from '@strapi/strapi';
import { type BulkRefs, deleteArticles, insertArticles, learnLayout } from '../src/generate/bulk-articles';
import { GENERATED_PREFIX, type SyntheticArticle, syntheticArticles } from '../src/generate/synthetic-articles';
import { backdatePublished } from '../src/first-published';
import { runJob } from './boot';

const ARTICLE = 'api::article.article';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, clean: { type: 'boolean' }, seed: { type: 'string' }, verbose: { type: 'boolean' } },
});

runJob('generate', async (app) => {
  if (values.clean) await clean(app);
  else {
    const count = Number(values.articles);
    if (!Number.isInteger(count) || count <= 0) throw new Error('pass --articles N (a positive whole number) or --clean');
    await generate(app, count, Number(values.seed ?? 42));
  }
  // The rows were written past the Document Service, whose middleware keeps the link index.
  const links = (await app.plugin('search-site').service('links').rebuild()) as number;
  console.log(`generate: indexed ${links} internal links of published articles`);
});

/** Articles per transaction: the rows of one batch are written by a handful of statements. */
const BULK_BATCH = 1_000;

async function generate(app: Core.Strapi, count: number, seed: number): Promise<void> {
  const roles = await app.documents('api::role.role').findMany({ fields: ['slug', 'name'], limit: 100 });
  const skills = await app.documents('api::skill.skill').findMany({ fields: ['slug', 'name'], limit: 1000 });
  const refs: BulkRefs = {
    roles: new Map(roles.map((r) => [r.slug as string, r.documentId])),
    skills: new Map(skills.map((s) => [s.slug as string, s.documentId])),
  };
  const offset = await app.db.query(ARTICLE).count({ where: { slug: { $startsWith: GENERATED_PREFIX }, publishedAt: { $null: true } } });
  const names = {
    roles: roles.map((r) => ({ slug: r.slug as string, name: r.name as string })),
    skills: skills.map((s) => ({ slug: s.slug as string, name: s.name as string })),
  };
  const bar = progressBar('generate: articles', count, { unit: 'articles' });
  const articles = syntheticArticles(count, names, { seed: seed + offset, offset });
  const dated = (a: SyntheticArticle) => ({ ...a, publishedAt: new Date(Date.now() - a.publishedDaysAgo * 24 * 60 * 60 * 1000) });

  // The first goes through the Document Service, as an editor's would; the rest copy the shape of
  // the rows it wrote, straight into the tables, a batch per transaction.
  const first = articles.next();
  if (first.done) return;
  const template = await createOne(app, refs, first.value);
  bar.tick(1);
  const layout = await learnLayout(app, template);
  let batch: ReturnType<typeof dated>[] = [];
  for (const article of articles) {
    batch.push(dated(article));
    if (batch.length < BULK_BATCH) continue;
    await insertArticles(app, layout, refs, batch);
    bar.tick(batch.length);
    batch = [];
  }
  if (batch.length > 0) await insertArticles(app, layout, refs, batch);
  bar.tick(batch.length);
  bar.end();
  console.log(`generate: created ${count} published articles (${offset + count} generated in total)`);
}

async function createOne(app: Core.Strapi, refs: BulkRefs, article: SyntheticArticle): Promise<string> {
  const { roles: roleSlugs, skills: skillSlugs, publishedDaysAgo, wordCount: _words, ...fields } = article;
  const created = await app.documents(ARTICLE).create({
    data: {
      ...fields,
      roles: { connect: roleSlugs.map((slug) => ({ documentId: refs.roles.get(slug)! })) },
      skills: { connect: skillSlugs.map((slug) => ({ documentId: refs.skills.get(slug)! })) },
    },
    status: 'published',
  });
  await backdatePublished(app, created.documentId, publishedDaysAgo);
  return created.documentId;
}

async function clean(app: Core.Strapi): Promise<void> {
  const removed = await deleteArticles(app, GENERATED_PREFIX);
  console.log(`generate: removed ${removed} generated articles`);
}
