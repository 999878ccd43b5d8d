import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS_FILE, type HeaderSet, readHeadersFile } from './security-headers.ts';
import { isRedirectFile, REDIRECT_CACHE_CONTROL, redirectTarget } from './redirect-files.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad' };

/**
 * Maps a URL path onto a file inside `root`: directories serve their index.html, a directory
 * asked for without its trailing slash redirects, and nothing outside `root` is ever reachable.
 */
export function resolvePath(root: string, urlPath: string): Resolved {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad' };
  }
  if (decoded.includes('\0')) return { kind: 'bad' };
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) return { kind: 'bad' };
  // The headers the build is served with are for the server, not a page.
  if (target === path.join(root, HEADERS_FILE)) return { kind: 'missing' };
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath}/` };
    const index = path.join(target, 'index.html');
    return fs.existsSync(index) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  return stat?.isFile() ? { kind: 'file', file: target } : { kind: 'missing' };
}

function send(req: IncomingMessage, res: ServerResponse, file: string, status: number): void {
  const ext = path.extname(file).toLowerCase();
  const immutable = file.includes(`${path.sep}_astro${path.sep}`);
  res.writeHead(status, {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'content-length': fs.statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}

const built = new Map<string, HeaderSet>();

/**
 * The headers the build in `root` was made to be served with (its `_headers` file, written from
 * the render configuration its pages were rendered with); none for a directory without one.
 */
export function builtHeaders(root: string): HeaderSet {
  let headers = built.get(root);
  if (!headers) {
    const file = path.join(root, HEADERS_FILE);
    headers = fs.existsSync(file) ? readHeadersFile(fs.readFileSync(file, 'utf8')) : {};
    built.set(root, headers);
  }
  return headers;
}

/**
 * Serves GET/HEAD for the built site in `root`, with its 404.html for misses, as the site server
 * and `npm run preview` both serve it; other methods get 405. A miss at an old article address
 * (the build's redirect map) answers 301 to the article's current address, query kept. Every
 * answer carries `headers` (the security headers: siteHeaders or builtHeaders).
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: HeaderSet): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
  const url = new URL(req.url ?? '/', 'http://site');
  const found = resolvePath(root, url.pathname);
  const resolved: Resolved = found.kind === 'file' && isRedirectFile(root, found.file) ? { kind: 'missing' } : found;
  const target = resolved.kind === 'missing' ? redirectTarget(root, url.pathname) : null;
  if (target) return void res.writeHead(301, { location: `${target}${url.search}`, 'cache-control': REDIRECT_CACHE_CONTROL }).end();
  switch (resolved.kind) {
    case 'file':
      send(req, res, resolved.file, 200);
      return;
    case 'redirect':
      return void res.writeHead(301, { location: resolved.location }).end();
    case 'bad':
      return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    case 'missing': {
      const notFound = path.join(root, '404.html');
      if (fs.existsSync(notFound)) {
        send(req, res, notFound, 404);
        return;
      }
      return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  }
}
