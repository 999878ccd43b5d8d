/**
 * The site's public paths of articles, roles and skills: the site builds its pages and links at
 * them, search-sync puts article paths in the index, and the CMS checks editors' links against them.
 */

export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}/`;
}
export function rolePath(slug: string): string {
  return `/roles/${encodeURIComponent(slug)}/`;
}
export function skillPath(slug: string): string {
  return `/skills/${encodeURIComponent(slug)}/`;
}

/** An article, role or skill a link points to, by slug. */
export type LinkTarget = { kind: 'article' | 'role' | 'skill'; slug: string };

// `/articles/<n>/` is page n of the article list, not an article; a role's or skill's article list
// (`/roles/<slug>/articles/…`) stands or falls with the role or skill.
const PATTERNS: [LinkTarget['kind'], RegExp][] = [
  ['article', /^\/articles\/(?!\d+\/?$)([^/]+)\/?$/],
  ['role', /^\/roles\/([^/]+)(?:\/articles(?:\/\d+)?)?\/?$/],
  ['skill', /^\/skills\/([^/]+)(?:\/articles(?:\/\d+)?)?\/?$/],
];

const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * The article, role or skill page `href` points to, read as a link on the page at `pageUrl` (an
 * absolute URL on the site, so relative links resolve as a browser would); null for a link to
 * another origin or to any other page (lists, search, anchors on the same page).
 */
export function linkTarget(href: string, pageUrl: string): LinkTarget | null {
  if (href.trim().startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(href.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(pageUrl).origin) return null;
  for (const [kind, pattern] of PATTERNS) {
    const slug = pattern.exec(url.pathname)?.[1];
    if (slug) return { kind, slug: decoded(slug) };
  }
  return null;
}
