import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ANALYTICS_PATH } from '@stackguide/contracts/analytics';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { postgresBinDir, solidPng, startMeili, startPostgres, type MeiliProcess, type PostgresProcess } from '@stackguide/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTarget, type PostgresTarget } from '../src/backup/postgres.ts';
import {
  addEditor,
  drillEnv,
  freePorts,
  runBackupCli,
  searchIds,
  startParts,
  syncIdle,
  writeEnvFile,
  type DrillEnv,
  type RunningParts,
} from './drill-system.ts';
import { mediaChecksums, readCmsState, sqliteRows, sqliteTableNames } from './drill-state.ts';

const hasPostgres = postgresBinDir() !== null;
if (!hasPostgres) console.warn('backup drill: PostgreSQL is not installed (apt-get install postgresql); running the SQLite lane only');
const LANES = hasPostgres ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const QUERIES = ['backend', 'kubernetes', 'salary', 'drillprobe'];
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

let postgres: PostgresProcess | undefined;
let meili: MeiliProcess;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-backup-drill-'));
beforeAll(async () => {
  meili = await startMeili({ dataDir: path.join(root, 'meili'), masterKey: crypto.randomBytes(24).toString('base64url') });
  if (hasPostgres) postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await meili?.stop();
  await postgres?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh, empty database for the lane: a SQLite path, or a new PostgreSQL database. */
async function laneDatabase(lane: 'sqlite' | 'postgres'): Promise<{ DATABASE_CLIENT: string; DATABASE_URL?: string }> {
  if (lane === 'sqlite') return { DATABASE_CLIENT: 'sqlite' };
  const name = `drill_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres!.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgres!.url.replace(/\/postgres$/, `/${name}`) };
}

async function report(env: DrillEnv, q: string, results: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${env.SEARCH_SYNC_PORT}${ANALYTICS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: env.SITE_URL },
    body: JSON.stringify({ type: 'search', q, results }),
  });
  expect(res.status).toBe(204);
}

describe.each(LANES)('backup and restore drill (%s)', (lane) => {
  let dir: string;
  let env: DrillEnv;
  let parts: RunningParts | undefined;
  let database: { file: string } | { target: PostgresTarget };
  afterAll(async () => parts?.stop());

  /** Everything the restore must bring back exactly, read from the parts' own files and the index. */
  async function snapshot() {
    const syncDir = env.SEARCH_SYNC_DATA_DIR;
    const analytics = path.join(syncDir, 'analytics.db');
    return {
      cms: await readCmsState(database),
      media: await mediaChecksums(path.join(env.STRAPI_PUBLIC_DIR, 'uploads')),
      analytics: sqliteRows(analytics, sqliteTableNames(analytics)),
      // The queue's own meta rows record the restore's reindex; its items and dead letters must come back.
      queue: sqliteRows(path.join(syncDir, 'queue.db'), ['queue', 'dead_letters']),
      search: Object.fromEntries(await Promise.all(QUERIES.map(async (q) => [q, await searchIds(env, q)] as const))),
    };
  }

  it('brings back exactly what was backed up, and nothing changed after, with the index and the site rebuilt', {
    timeout: 900_000,
  }, async () => {
    dir = path.join(root, lane);
    fs.mkdirSync(dir);
    env = drillEnv(dir, await freePorts(), meili.url, await laneDatabase(lane));
    env.MEILI_MASTER_KEY = meili.masterKey;
    writeEnvFile(dir, env);
    database = lane === 'sqlite' ? { file: env.DATABASE_FILENAME } : { target: targetOf(env.DATABASE_URL) };
    parts = await startParts(env);
    const { admin } = parts;

    // Before the backup: articles, drafts, a published article with a newer draft, an image, an editor, vocabulary, analytics, a dead letter.
    const create = (slug: string, publish: boolean, extra: Record<string, unknown> = {}) =>
      admin.createArticle(
        {
          title: `Drillprobe ${slug}`,
          slug,
          excerpt: `What the backup drill wrote about ${slug}.`,
          body: paragraph(`Drillprobe text of ${slug}.`),
          authorName: 'Drill',
          ...extra,
        },
        { publish },
      );
    const form = new FormData();
    form.append('files', new Blob([solidPng(400, 300, [40, 120, 200])], { type: 'image/png' }), 'drill-cover.png');
    form.append('fileInfo', JSON.stringify({ alternativeText: 'A blue rectangle', name: 'drill-cover.png' }));
    const [image] = await admin.request<{ id: number }[]>('POST', '/upload', form);
    const kept = await create('drill-kept', true, { cover: image!.id });
    const gone = await create('drill-deleted-later', true);
    const draft = await create('drill-draft', false);
    await create('drill-draft-two', false);
    await admin.updateArticle(kept.documentId, { excerpt: 'A newer draft of a published article.' });
    await addEditor(admin, parts.strapi.url);
    const settings = await admin.request<{ data: { synonymGroups: unknown[]; stopWords: string } }>(
      'GET',
      '/content-manager/single-types/api::search-setting.search-setting',
    );
    await admin.request('PUT', '/content-manager/single-types/api::search-setting.search-setting', {
      synonymGroups: [...settings.data.synonymGroups, { words: 'quokka, wallaby' }],
      stopWords: `${settings.data.stopWords} hmm`,
    });
    for (let i = 0; i < 3; i++) await report(env, 'kubernetes salary', 4);
    const webhook = await fetch(env.SEARCH_SYNC_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${env.WEBHOOK_SECRET}` },
      body: JSON.stringify({ event: 'entry.publish', model: 'article', entry: { documentId: 'not a document id' } }),
    });
    expect(webhook.status).toBe(202);
    await syncIdle(env);
    const before = await snapshot();
    expect(before.queue.dead_letters, before.queue.dead_letters?.join('\n')).toHaveLength(1);
    expect(Object.keys(before.media).length).toBeGreaterThan(1);
    expect(before.search.drillprobe).toContain(kept.documentId);

    const archive = path.join(dir, 'backup.tar.zst');
    const backup = await runBackupCli(dir, ['backup', '--out', archive]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain('articles 18 (14 published, 4 only drafts)');

    // After the backup: what a restore must lose.
    await admin.publish(draft.documentId);
    await admin.deleteDocument(gone.documentId);
    await create('drill-after-backup', false);
    await report(env, 'after the backup', 1);
    await syncIdle(env);
    expect(await snapshot()).not.toEqual(before);

    const whileRunning = await runBackupCli(dir, ['restore', archive]);
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.output).toContain('the system is running');
    await parts.stop();
    parts = undefined;
    const occupied = await runBackupCli(dir, ['restore', archive]);
    expect(occupied.code).toBe(1);
    expect(occupied.output).toContain('refusing to overwrite existing data; nothing was changed');

    // The disk dies: the data, the uploads and the index are gone.
    fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
    fs.rmSync(env.STRAPI_PUBLIC_DIR, { recursive: true, force: true });
    if ('target' in database) await resetPostgres(database.target);
    await fetch(`${env.MEILI_URL}/indexes/${INDEX_UID}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${env.MEILI_MASTER_KEY}` },
    });

    const siteOut = path.join(dir, 'site');
    const restore = await runBackupCli(dir, ['restore', archive, '--site-out', siteOut]);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain('lost: every change made after');
    expect(await snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(siteOut, 'articles', 'drill-kept', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(siteOut, 'articles', 'drill-deleted-later', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(siteOut, 'articles', 'drill-draft', 'index.html'))).toBe(false);
  });
});

/** The lane's PostgreSQL database as the backup command reads it from DATABASE_URL. */
const targetOf = (url: string | undefined): PostgresTarget =>
  postgresTarget({ DATABASE_URL: url, DATABASE_HOST: '', DATABASE_PORT: 0, DATABASE_NAME: '', DATABASE_USERNAME: '', DATABASE_SSL: false });

/** Drops everything in the lane's PostgreSQL database, as a lost server would leave a new, empty one. */
async function resetPostgres(target: PostgresTarget): Promise<void> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
}
