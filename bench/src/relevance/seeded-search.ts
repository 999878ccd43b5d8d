import fs from 'node:fs';
import path from 'node:path';
import { freePort, runBin, startMeili, startTestCms } from '@stackguide/test-kit';
import { spawnSearchSync } from '../search-sync-process.ts';
import { build, buildDirs } from '../site-build.ts';

export type SeededSearch = {
  /** Meilisearch URL and search-only key, as the built site carries them. */
  meili: { url: string; key: string };
  /** The built site. */
  distDir: string;
  stop(): Promise<void>;
};

/**
 * The system under test, as a visitor meets it: a freshly seeded Strapi, Meilisearch filled by
 * `search-sync reindex` (index settings and editors' vocabulary included), and the site built
 * from the same CMS with the search-only key.
 * @throws Error naming the step that failed; whatever was started is stopped.
 */
export async function startSeededSearch(runDir: string, log: (line: string) => void): Promise<SeededSearch> {
  log('seeding a fresh CMS (Strapi boot)');
  const cms = await startTestCms();
  const stops: (() => Promise<void>)[] = [() => cms.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const meili = await startMeili({ dataDir: path.join(runDir, 'meili'), masterKey: cms.env.MEILI_MASTER_KEY! });
    stops.push(() => meili.stop());
    const env = {
      STRAPI_URL: cms.url,
      STRAPI_READ_TOKEN: cms.readToken,
      WEBHOOK_SECRET: cms.env.WEBHOOK_SECRET!,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: cms.env.MEILI_MASTER_KEY!,
      SEARCH_SYNC_PORT: String(await freePort()),
      SEARCH_SYNC_DATA_DIR: path.join(runDir, 'search-sync'),
    };
    log('search-sync reindex');
    const output: string[] = [];
    const code = await spawnSearchSync('reindex', env, (line) => output.push(line)).exited;
    if (code !== 0) throw new Error(`search-sync reindex exited with ${code}:\n${output.slice(-20).join('\n')}`);
    const keys = await runBin('@stackguide/search-sync', ['keys', '--json'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    const key = (JSON.parse(keys.stdout.trim() || '{}') as { searchKey?: string }).searchKey;
    if (!key) throw new Error(`search-sync keys printed no key (exit ${keys.code}): ${keys.stderr}`);
    log('building the site');
    const dirs = buildDirs(runDir);
    const distDir = dirs.outDir;
    await build(cms.url, cms.readToken, dirs, { env: { MEILI_PUBLIC_URL: meili.url, MEILI_SEARCH_KEY: key } });
    if (!fs.existsSync(path.join(distDir, 'articles'))) throw new Error(`the site build in ${distDir} has no articles/`);
    return { meili: { url: meili.url, key }, distDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
