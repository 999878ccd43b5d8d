import fs from 'node:fs';
import path from 'node:path';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { freePort, startMeili, startStrapi } from '@stackguide/test-kit';
import { cmsEnv, fixtureCopy } from './fixtures.ts';
import { allDocuments, meiliCall, type Meili } from './meili-http.ts';
import { WORK_DIR, makeRunDir } from './paths.ts';
import { spawnSearchSync } from './search-sync-process.ts';

export type IndexedDocuments = { settings: Record<string, unknown>; documents: Record<string, unknown>[] };

const cacheFile = (articles: number) => path.join(WORK_DIR, 'fixtures', `documents-${articles}.json`);

/**
 * The search documents and index settings (contract plus the editors' vocabulary) that
 * `search-sync reindex` makes of the `articles` fixture, cached as JSON next to the fixtures, so
 * Meilisearch can be measured on its own with exactly what our system gives it.
 * @throws Error when Strapi, Meilisearch or the reindex fails.
 */
export async function indexedDocuments(articles: number, log: (line: string) => void): Promise<IndexedDocuments> {
  const file = cacheFile(articles);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as IndexedDocuments;
  const runDir = makeRunDir('documents-');
  try {
    const fixture = await fixtureCopy(articles, path.join(runDir, 'cms.db'), log);
    const { secrets } = fixture;
    log(`documents: reindexing the ${articles}-article fixture once to capture its search documents`);
    const cms = await startStrapi({
      env: cmsEnv(secrets, fixture.databaseFilename, { SEED_ON_START: 'false' }),
      databaseFilename: fixture.databaseFilename,
    });
    const meiliProcess = await startMeili({
      dataDir: path.join(runDir, 'meili'),
      masterKey: secrets.MEILI_MASTER_KEY,
      port: await freePort(),
    });
    const meili: Meili = { url: meiliProcess.url, key: secrets.MEILI_MASTER_KEY };
    try {
      const output: string[] = [];
      const env = {
        STRAPI_URL: cms.url,
        STRAPI_READ_TOKEN: secrets.STRAPI_READ_TOKEN,
        WEBHOOK_SECRET: secrets.WEBHOOK_SECRET,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.key,
        SEARCH_SYNC_DATA_DIR: path.join(runDir, 'sync'),
      };
      const code = await spawnSearchSync('reindex', env, (line) => output.push(line)).exited;
      if (code !== 0) throw new Error(`search-sync reindex failed (exit ${code}):\n${output.slice(-20).join('\n')}`);
      const { data: settings } = await meiliCall<Record<string, unknown>>(meili, 'GET', `/indexes/${INDEX_UID}/settings`);
      const captured: IndexedDocuments = { settings, documents: await allDocuments(meili, INDEX_UID) };
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(captured));
      fs.renameSync(`${file}.tmp`, file);
      return captured;
    } finally {
      await meiliProcess.stop();
      await cms.stop();
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
