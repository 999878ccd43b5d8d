import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { freePort, type SiteServer, startMeili, startSiteServer, startTestCms, type TestCms, testSecrets } from '@stackguide/test-kit';
import { startSearchSync } from './search-stack.ts';

export type LiveStack = {
  cms: TestCms;
  site: SiteServer;
  /** documentIds of the articles Meilisearch finds for `q` (asked with the master key). */
  search(q: string): Promise<string[]>;
  /** HTTP status of the site server's page at `path`. */
  pageStatus(path: string): Promise<number>;
  stop(): Promise<void>;
};

/**
 * What a publish goes through in `npm start`, for real: the CMS (`env` added to its variables), its
 * webhook to `search-sync serve`, Meilisearch, and the site server that search-sync's build hook
 * rebuilds. `stop()` undoes whatever was started, also after a partial start.
 */
export async function startLiveStack(env: Record<string, string>): Promise<LiveStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackguide-live-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const secrets = testSecrets();
    const meili = await startMeili({ dataDir: path.join(dir, 'meili'), masterKey: secrets.MEILI_MASTER_KEY });
    cleanups.push(() => meili.stop());
    const syncPort = await freePort();
    const { MEILI_MASTER_KEY: _master, ...cmsSecrets } = secrets;
    const cms = await startTestCms({ webhookUrl: `http://127.0.0.1:${syncPort}/webhooks/strapi`, env: { ...cmsSecrets, ...env } });
    cleanups.push(() => cms.stop());
    const site = await startSiteServer({ strapiUrl: cms.url, token: cms.readToken });
    cleanups.push(() => site.stop());
    const searchSync = await startSearchSync({
      secrets,
      cmsUrl: cms.url,
      meiliUrl: meili.url,
      port: syncPort,
      dataDir: path.join(dir, 'queue'),
      buildHookUrl: `${site.url}/__hooks/build`,
      buildHookSecret: site.secret,
    });
    cleanups.push(() => searchSync.stop());
    return {
      cms,
      site,
      async search(q) {
        const res = await fetch(`${meili.url}/indexes/${INDEX_UID}/search`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secrets.MEILI_MASTER_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ q, attributesToRetrieve: ['id'] }),
        });
        if (!res.ok) throw new Error(`search for ${q}: HTTP ${res.status} ${await res.text()}`);
        return ((await res.json()) as { hits: { id: string }[] }).hits.map((h) => h.id);
      },
      async pageStatus(pagePath) {
        const res = await fetch(`${site.url}${pagePath}`);
        await res.body?.cancel();
        return res.status;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
