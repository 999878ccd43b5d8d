const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The href to render for a CMS link, or null when the link must render as plain text. Allows
 * http(s), mailto and relative URLs. Checks the URL the way a browser reads it: leading and
 * trailing control characters and spaces are dropped and tabs/newlines removed, so
 * "java\tscript:" cannot slip past.
 */
export function safeHref(raw: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these around a URL, so must we
  const url = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (url === '') return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return url;
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase()) ? url : null;
}
