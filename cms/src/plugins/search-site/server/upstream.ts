import type { Core } from '@strapi/strapi';
import type { StackguideConfig } from '../../../../config/stackguide';
import type { Upstream } from '../shared/contracts';

/** A service the CMS calls with a bearer secret that stays on the server. */
export type Target = { name: string; url: string | undefined; secret: string | undefined; needs: string };

const TIMEOUT_MS = 5_000;

/** search-sync's admin API and the site server, as configured in `.env` (config/stackguide.ts). */
export function targets(strapi: Core.Strapi): { searchSync: Target; site: Target } {
  const c = strapi.config.get<StackguideConfig>('stackguide');
  return {
    searchSync: {
      name: 'search-sync',
      url: c.searchSyncAdminUrl,
      secret: c.searchSyncAdminSecret,
      needs: 'SEARCH_SYNC_ADMIN_SECRET and SEARCH_SYNC_URL',
    },
    site: { name: 'the site server', url: c.siteStatusUrl, secret: c.buildHookSecret, needs: 'BUILD_HOOK_SECRET and SITE_BUILD_HOOK_URL' },
  };
}

/**
 * Calls `path` on the target with its secret and returns the JSON answer, or a reason naming the
 * service and URL (never the secret) when it is not configured, unreachable or answers an error.
 */
export async function call<T>(target: Target, method: string, path: string): Promise<Upstream<T>> {
  if (!target.url || !target.secret)
    return { ok: false, status: null, error: `${target.name} is not configured: set ${target.needs} in .env` };
  const url = `${target.url}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { authorization: `Bearer ${target.secret}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : 'unreachable';
    return { ok: false, status: null, error: `${target.name} is ${reason} at ${url}` };
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    return { ok: false, status: res.status, error: `${target.name} answered ${method} ${url} with HTTP ${res.status} and no JSON` };
  }
  if (!res.ok) {
    const said = typeof body === 'object' && body && 'error' in body && typeof body.error === 'string' ? `: ${body.error}` : '';
    return { ok: false, status: res.status, error: `${target.name} answered ${method} ${url} with HTTP ${res.status}${said}` };
  }
  return { ok: true, data: body as T };
}
