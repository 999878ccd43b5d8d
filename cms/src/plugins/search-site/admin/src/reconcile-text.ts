import type { ReconcileResult } from '../../shared/contracts';
import { ago, plural } from './format';

/**
 * The "Last reconcile" line of the search index card. Filling an empty index (a fresh start, or a
 * restored database) is said as such, so it does not read like a repair of a fault; a repair names
 * only what was wrong.
 */
export function reconcileText(r: ReconcileResult, now: number): string {
  const when = ago(r.finishedAt, now);
  const published = plural(r.published, 'published document');
  if (r.missing + r.stale + r.orphans === 0) return `${when}: in step, ${published} all indexed`;
  if (r.indexed === 0 && r.missing === r.published) return `${when}: filled the empty index with ${published}`;
  const repaired = [
    [r.missing, 'missing'],
    [r.stale, 'stale'],
    [r.orphans, 'no longer published'],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, what]) => `${n} ${what}`);
  return `${when}: ${published}, ${r.indexed} indexed; repaired ${repaired.join(', ')}`;
}
