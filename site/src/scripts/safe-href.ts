/**
 * Whether a value from the index may become a link: only paths on this site, never `javascript:`,
 * another origin (`//host`) or a path a browser reads as one (`/\host`).
 */
export const isSitePath = (v: unknown): v is string =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\');
