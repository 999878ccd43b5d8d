/**
 * Security headers of the parts' HTTP answers. Pages are the site's (site/server/security-headers.ts
 * builds their Content-Security-Policy from the search origins); everything else — JSON, plain
 * text, redirects — carries API_SECURITY_HEADERS.
 */

/** Nothing in an API answer may run, load, be framed, be taken for another type, or leak its URL as a referrer. */
export const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** A year: browsers keep to HTTPS for the host that long after any answer carrying it. */
const HSTS = 'max-age=31536000';

/**
 * Strict-Transport-Security for a site whose canonical URL is HTTPS, nothing otherwise: promising
 * HTTPS for a host served over HTTP would lock its visitors out.
 */
export const transportSecurity = (siteUrl: string): Record<string, string> =>
  new URL(siteUrl).protocol === 'https:' ? { 'strict-transport-security': HSTS } : {};
