import { WaitError, waitFor, type AdminClient } from '@stackguide/test-kit';
import { INDEX_UID } from '@stackguide/contracts/search-index';
import { compareIndex, publishedSet, type Comparison } from '../compare.ts';
import { PLUGIN_INDEX } from '../plugin-cms.ts';
import { benchArticle, token } from '../publish-probe.ts';
import type { System } from '../system.ts';

export type BurstResult = { published: number; publishErrors: number };

/**
 * Creates and publishes `count` articles one after another through the admin API; `onProgress`
 * runs after each so a drill can inject its fault at the right moment. Failed publishes are counted,
 * not thrown: a CMS whose search plugin fails the request is part of what the drill measures.
 */
export async function burst(admin: AdminClient, count: number, onProgress?: (done: number) => Promise<void> | void): Promise<BurstResult> {
  let publishErrors = 0;
  for (let i = 0; i < count; i++) {
    try {
      await admin.createArticle(benchArticle(token()), { publish: true });
    } catch {
      publishErrors++;
    }
    await onProgress?.(i + 1);
  }
  return { published: count - publishErrors, publishErrors };
}

export type Verdict = Comparison & { convergedAfterMs: number | null };

const clean = (c: Comparison) => c.lost === 0 && c.extra === 0 && c.stale === 0 && c.duplicated === 0;

/**
 * Polls the exact comparison (Strapi's published set vs the index) every second until it is clean
 * or `maxMs` passes; `convergedAfterMs` is null when it never converged (the last comparison stands).
 */
export async function converge(system: System, who: 'ours' | 'plugin', maxMs = 120_000): Promise<Verdict> {
  const start = performance.now();
  const cmsUrl = who === 'ours' ? system.ours.cms.url : system.peer.cms.url;
  const index = who === 'ours' ? INDEX_UID : PLUGIN_INDEX;
  const idField = who === 'ours' ? 'id' : 'documentId';
  let last: Comparison | undefined;
  // A comparison that throws means a part is still coming back: waitFor tries again.
  const compare = async (): Promise<Verdict | undefined> => {
    const published = await publishedSet(cmsUrl, system.fixture.secrets.STRAPI_READ_TOKEN);
    last = await compareIndex(published, system.meili, index, idField);
    return clean(last) ? { ...last, convergedAfterMs: Math.round(performance.now() - start) } : undefined;
  };
  try {
    return await waitFor(`${who}: the index to equal Strapi's published set`, compare, { timeoutMs: maxMs, intervalMs: 1_000 });
  } catch (err) {
    if (!(err instanceof WaitError) || !last) throw err;
    return { ...last, convergedAfterMs: null };
  }
}
