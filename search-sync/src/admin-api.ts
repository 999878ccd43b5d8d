import { pathPattern } from '@stackguide/contracts/route-path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerMatches } from '@stackguide/runtime';
import { documentState } from './document-state.ts';
import type { SearchIndex } from './search-index.ts';
import type { ItemKind, SyncQueue } from './queue.ts';
import { intParam, json } from './server.ts';
import type { SyncStatus } from './status.ts';
import { ADMIN_ROUTES, type AdminOverview } from '@stackguide/contracts/search-sync-admin';
import { ADMIN_ANALYTICS_PATH, ADMIN_HIDDEN_QUERY_PATH } from '@stackguide/contracts/analytics';
import type { AnalyticsStore } from './analytics-store.ts';

export type AdminDeps = {
  /** SEARCH_SYNC_ADMIN_SECRET; unset turns the whole API off (404). */
  secret: string | undefined;
  queue: SyncQueue;
  index: SearchIndex;
  reindex: { readonly active: boolean; start(): boolean };
  status(): SyncStatus;
  analytics: AnalyticsStore;
  /** Items were put back in the queue. */
  onQueued(): void;
};

export type { AdminDeadLetter, AdminOverview } from '@stackguide/contracts/search-sync-admin';

/** `param` is the path's decoded `:id`; `url` the whole request URL (its query string). */
type Handler = (res: ServerResponse, deps: AdminDeps, param: string, url: URL) => Promise<void> | void;
type Route = { method: string; path: RegExp; handler: Handler };

const KINDS: ReadonlySet<string> = new Set<ItemKind>(['article', 'role', 'skill', 'search-setting']);

/** The dead letter an id names, or null when the id is malformed. */
function parseId(id: string): { kind: ItemKind; documentId: string } | null {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const documentId = id.slice(colon + 1);
  return colon > 0 && KINDS.has(kind) && documentId ? { kind: kind as ItemKind, documentId } : null;
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: pathPattern(ADMIN_ROUTES.overview),
    handler(res, deps) {
      const { deadLetters, ...status } = deps.status();
      const overview: AdminOverview = {
        ...status,
        deadLetters: deadLetters.map((d) => ({ id: `${d.kind}:${d.documentId}`, ...d })),
        reindexRunning: deps.reindex.active,
      };
      json(res, 200, overview);
    },
  },
  {
    method: 'POST',
    path: pathPattern(ADMIN_ROUTES.retry),
    handler(res, deps, id) {
      const target = parseId(id);
      if (!target || !deps.queue.requeueDeadLetter(target.kind, target.documentId))
        return json(res, 404, { error: `no dead letter ${id}` });
      deps.onQueued();
      json(res, 200, { id, requeued: true });
    },
  },
  {
    method: 'DELETE',
    path: pathPattern(ADMIN_ROUTES.deadLetter),
    handler(res, deps, id) {
      const target = parseId(id);
      if (!target || !deps.queue.discardDeadLetter(target.kind, target.documentId))
        return json(res, 404, { error: `no dead letter ${id}` });
      json(res, 200, { id, discarded: true });
    },
  },
  {
    method: 'POST',
    path: pathPattern(ADMIN_ROUTES.reindex),
    handler(res, deps) {
      if (!deps.reindex.start()) return json(res, 409, { error: 'a reindex is already running', reindex: deps.status().reindex });
      json(res, 202, { started: true });
    },
  },
  {
    method: 'GET',
    path: pathPattern(ADMIN_ROUTES.document),
    async handler(res, deps, documentId) {
      json(res, 200, await documentState(documentId, deps));
    },
  },
  {
    method: 'GET',
    path: pathPattern(ADMIN_ANALYTICS_PATH),
    handler(res, deps, _param, url) {
      const days = intParam(url, 'days', 1, 90, 30);
      if (days === null) return json(res, 400, { error: 'days must be a whole number from 1 to 90' });
      const { queriesOverCap: _overCap, ...report } = deps.analytics.report(days);
      json(res, 200, report);
    },
  },
  ...[true, false].map(
    (hidden): Route => ({
      method: hidden ? 'PUT' : 'DELETE',
      path: pathPattern(ADMIN_HIDDEN_QUERY_PATH),
      handler(res, deps, raw) {
        const query = deps.analytics.setHidden(raw, hidden);
        if (query === null) return json(res, 400, { error: 'not a query search analytics could hold' });
        json(res, 200, { query, hidden });
      },
    }),
  ),
];

/**
 * The `/admin` API the CMS's Search & site page calls server-side. Every route needs
 * `Authorization: Bearer <SEARCH_SYNC_ADMIN_SECRET>` (401 otherwise); without a configured secret
 * the API does not exist (404). Request bodies are ignored: every route takes its input from the path
 * (and the analytics report its period from the query string).
 */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, deps: AdminDeps): Promise<void> {
  req.resume();
  if (!deps.secret) return json(res, 404, { error: 'not found' });
  if (!bearerMatches(req.headers.authorization, deps.secret)) return json(res, 401, { error: 'missing or wrong bearer token' });
  const matching = ROUTES.map((route) => ({ route, match: route.path.exec(path) })).filter((m) => m.match);
  if (matching.length === 0) return json(res, 404, { error: 'not found' });
  const found = matching.find((m) => m.route.method === req.method);
  if (!found) return json(res, 405, { error: `use ${matching.map((m) => m.route.method).join(' or ')}` });
  let param: string;
  try {
    param = decodeURIComponent(found.match?.[1] ?? '');
  } catch {
    return json(res, 400, { error: 'malformed path' });
  }
  await found.route.handler(res, deps, param, new URL(req.url ?? '/', 'http://search-sync'));
}
