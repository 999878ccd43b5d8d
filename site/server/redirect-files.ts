import fs from 'node:fs';
import path from 'node:path';

/** The redirect map every build writes at its root, for the site server (and `npm run preview`). */
export const REDIRECTS_JSON = '_redirects.json';
/** The same map as the entries of an nginx `map` block, which docker-compose's nginx includes (site/docker/nginx.conf). */
export const REDIRECTS_NGINX = '_redirects.nginx';

/**
 * How long browsers and proxies may keep a redirect: a 301 without it is kept for good by
 * browsers, and an article that later takes the old slug must be reachable there again.
 */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=3600';

/** The two files, with their contents, for a map of old path → current path (see redirectMap). */
export function redirectFiles(map: ReadonlyMap<string, string>): [file: string, text: string][] {
  // Each old address with and without its trailing slash, as nginx compares the whole $uri.
  const nginx = [...map].flatMap(([from, to]) => [`"${from.slice(0, -1)}" "${to}";`, `"${from}" "${to}";`]);
  return [
    [REDIRECTS_JSON, `${JSON.stringify(Object.fromEntries(map), null, 1)}\n`],
    [REDIRECTS_NGINX, `# Old article address -> current one; written by the site build.\n${nginx.map((l) => `${l}\n`).join('')}`],
  ];
}

/** Whether `file` (absolute) is one of the redirect files of the build in `root`: never served as a file. */
export function isRedirectFile(root: string, file: string): boolean {
  return path.dirname(file) === root && (path.basename(file) === REDIRECTS_JSON || path.basename(file) === REDIRECTS_NGINX);
}

let loaded: { file: string; stamp: string; map: Map<string, string> } | null = null;

/** The map of the build in `root`, read once per build (a new build is a new directory or a new file). */
function mapOf(root: string): Map<string, string> {
  const file = path.join(root, REDIRECTS_JSON);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return new Map();
  const stamp = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  if (loaded?.file !== file || loaded.stamp !== stamp) {
    let entries: [string, unknown][] = [];
    try {
      entries = Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>);
    } catch {
      // The build writes it whole (renamed into place); unreadable means no redirects, not a failed request.
    }
    loaded = { file, stamp, map: new Map(entries.filter((e): e is [string, string] => typeof e[1] === 'string')) };
  }
  return loaded.map;
}

/**
 * Where an old address in the build in `root` now is, or null: `/articles/old/` and
 * `/articles/old` both lead to the current path.
 */
export function redirectTarget(root: string, urlPath: string): string | null {
  const key = urlPath.endsWith('/') ? urlPath : `${urlPath}/`;
  return mapOf(root).get(key) ?? null;
}
