import fs from 'node:fs';
import path from 'node:path';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { freePort, runBin, startMeili, startStrapi, startTestCms, startTestEmbedder, childEnv } from '@stackguide/test-kit';
import { keepVectors, seedVectors } from '../fixture-vectors.ts';
import { cmsEnv, fixtureCopy } from '../fixtures.ts';
import { spawnSearchSync } from '../search-sync-process.ts';
import { build, buildDirs } from '../site-build.ts';
import type { OurIndex } from './ours.ts';

export type SeededSearch = {
  /** Meilisearch URL and search-only key, as the built site carries them, and the index's stop words. */
  meili: OurIndex;
  /** The built site. */
  distDir: string;
  stop(): Promise<void>;
};

const EMBEDDER_KEY = 'relevance-embedder-key-0123456';

/** A CMS with the demo content, freshly seeded (0), or the fixture with `articles` generated articles beside it. */
async function startCorpus(articles: number, runDir: string, log: (line: string) => void) {
  if (articles === 0) {
    log('seeding a fresh CMS (Strapi boot)');
    const cms = await startTestCms();
    return {
      url: cms.url,
      readToken: cms.readToken,
      masterKey: cms.env.MEILI_MASTER_KEY!,
      webhookSecret: cms.env.WEBHOOK_SECRET!,
      stop: () => cms.stop(),
    };
  }
  const { secrets, databaseFilename } = await fixtureCopy(articles, path.join(runDir, 'cms.db'), log);
  log(`the ${articles}-article fixture (Strapi boot)`);
  const cms = await startStrapi({ env: cmsEnv(secrets, databaseFilename, { SEED_ON_START: 'false' }), databaseFilename });
  return {
    url: cms.url,
    readToken: secrets.STRAPI_READ_TOKEN,
    masterKey: secrets.MEILI_MASTER_KEY,
    webhookSecret: secrets.WEBHOOK_SECRET,
    stop: () => cms.stop(),
  };
}

/**
 * The system under test, as a visitor meets it: the CMS (the seeded site, or the seeded site with
 * `articles` generated articles), the embedder, Meilisearch filled by `search-sync reindex` (index
 * settings, the editors' vocabulary, every article's vector), and the site built from the same CMS
 * with the search-only key. Vectors embedded by an earlier run of the same
 * corpus are reused (bench/.work/fixtures/vectors-N.db), as the running system would.
 * @throws Error naming the step that failed; whatever was started is stopped.
 */
export async function startSeededSearch(runDir: string, log: (line: string) => void, articles = 0): Promise<SeededSearch> {
  const cms = await startCorpus(articles, runDir, log);
  const stops: (() => Promise<void>)[] = [() => cms.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const [meili, embedder] = await Promise.all([
      startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: cms.masterKey }),
      startTestEmbedder({ apiKey: EMBEDDER_KEY }),
    ]);
    stops.push(
      () => meili.stop(),
      () => embedder.stop(),
    );
    const dataDir = path.join(runDir, 'search-sync');
    seedVectors(articles, dataDir);
    const env = {
      STRAPI_URL: cms.url,
      STRAPI_READ_TOKEN: cms.readToken,
      WEBHOOK_SECRET: cms.webhookSecret,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: cms.masterKey,
      SEARCH_SYNC_PORT: String(await freePort()),
      SEARCH_SYNC_DATA_DIR: dataDir,
      EMBEDDER_URL: embedder.url,
      EMBEDDER_API_KEY: EMBEDDER_KEY,
    };
    log('search-sync reindex (embedding what earlier runs did not)');
    const output: string[] = [];
    const code = await spawnSearchSync('reindex', env, (line) => output.push(line)).exited;
    if (code !== 0) throw new Error(`search-sync reindex exited with ${code}:\n${output.slice(-20).join('\n')}`);
    keepVectors(articles, dataDir);
    const keys = await runBin('@stackguide/search-sync', ['keys', '--json'], {
      env: childEnv(env),
    });
    const key = (JSON.parse(keys.stdout.trim() || '{}') as { searchKey?: string }).searchKey;
    if (!key) throw new Error(`search-sync keys printed no key (exit ${keys.code}): ${keys.stderr}`);
    log('building the site');
    const dirs = buildDirs(runDir);
    const distDir = dirs.outDir;
    await build(cms.url, cms.readToken, dirs, { env: { MEILI_PUBLIC_URL: meili.url, MEILI_SEARCH_KEY: key } });
    if (!fs.existsSync(path.join(distDir, 'articles'))) throw new Error(`the site build in ${distDir} has no articles/`);
    // The stop words search-sync set from the editors' vocabulary: what the page gets from search-sync.
    const res = await fetch(`${meili.url}/indexes/${INDEX_UID}/settings/stop-words`, {
      headers: { authorization: `Bearer ${cms.masterKey}` },
    });
    if (!res.ok) throw new Error(`Meilisearch at ${meili.url} answered HTTP ${res.status} for the stop words`);
    const stopWords = new Set(((await res.json()) as string[]).map((w) => w.toLowerCase()));
    return { meili: { url: meili.url, key, stopWords }, distDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
