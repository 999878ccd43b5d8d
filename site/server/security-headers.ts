import { API_SECURITY_HEADERS, transportSecurity } from '@stackguide/contracts/security-headers';
import type { RenderConfig } from '../src/lib/render-config.ts';

/** Response headers by lower-case name. */
export type HeaderSet = Record<string, string>;

/** What a page may reach besides its own origin: the search origins browsers call. */
export type PageOrigins = Pick<RenderConfig, 'siteUrl' | 'meiliPublicUrl' | 'searchSyncPublicUrl'>;

const originOf = (url: string | undefined) => (url ? new URL(url).origin : undefined);

/** A policy from directive → sources (undefined sources left out, each source once). */
function policy(directives: Record<string, (string | undefined)[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...new Set(sources.filter((s) => s !== undefined))].join(' '))
    .join('; ');
}

/**
 * Pages run and style only with files of their own origin (no inline script or style: the build
 * inlines none, see astro.config.mjs) and talk only to Meilisearch and search-sync.
 */
function pagePolicy(config: PageOrigins, page: { nonce?: string; img?: string | undefined; frameAncestors: string }): string {
  const nonce = page.nonce === undefined ? undefined : `'nonce-${page.nonce}'`;
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", nonce],
    'style-src': ["'self'", nonce],
    'img-src': ["'self'", page.img],
    'connect-src': ["'self'", originOf(config.meiliPublicUrl), originOf(config.searchSyncPublicUrl)],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [page.frameAncestors],
  });
}

/** Headers of every file of a build: no page may be framed. */
export function siteHeaders(config: PageOrigins): HeaderSet {
  return {
    'content-security-policy': pagePolicy(config, { frameAncestors: "'none'" }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    ...transportSecurity(config.siteUrl),
  };
}

/**
 * Headers of a draft preview: only the admin (`adminUrl`'s origin) may frame it; its one inline
 * script and style carry `nonce`, fresh per answer; its images come from the CMS (`mediaUrl`).
 */
export function previewHeaders(config: PageOrigins, opts: { adminUrl: string; mediaUrl: string; nonce: string }): HeaderSet {
  return {
    'content-security-policy': pagePolicy(config, {
      nonce: opts.nonce,
      img: originOf(opts.mediaUrl),
      frameAncestors: originOf(opts.adminUrl) ?? "'none'",
    }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...transportSecurity(config.siteUrl),
  };
}

/** Headers of the site server's JSON and text answers (build hook, status, errors). */
export function apiHeaders(siteUrl: string): HeaderSet {
  return { ...API_SECURITY_HEADERS, ...transportSecurity(siteUrl) };
}

/** Where a build keeps the headers its files are served with (the format Netlify and Cloudflare Pages read). */
export const HEADERS_FILE = '_headers';

/** `headers` as a `_headers` file: one rule for every path. */
export function headersFile(headers: HeaderSet): string {
  return `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')}`;
}

/** The headers of the `/*` rule of a `_headers` file. */
export function readHeadersFile(text: string): HeaderSet {
  const headers: HeaderSet = {};
  let inRule = false;
  for (const line of text.split('\n')) {
    if (!/^\s/.test(line)) inRule = line.trim() === '/*';
    else if (inRule && line.includes(':')) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}
