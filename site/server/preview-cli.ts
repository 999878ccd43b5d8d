#!/usr/bin/env -S npx tsx
/**
 * Serves a finished static build, by default site/dist (`npm run build -w site` makes it):
 * `npm run preview -w site [-- --dir <dir>]`. Files are answered as the site server answers them
 * (static-files.ts: same paths, redirects, 404 page, and the security headers the build wrote into
 * its `_headers`). Listens on SITE_HOST:SITE_PORT,
 * read from the environment and .env.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '@stackguide/contracts/parse-config';
import { loadRootEnv } from '@stackguide/runtime';
import { pino } from 'pino';
import { SITE_ROOT } from './build-context.ts';
import { builtHeaders, serveStatic } from './static-files.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: path.join(SITE_ROOT, 'dist') } } });
loadRootEnv();
const log = pino({ name: 'site-preview', level: process.env.LOG_LEVEL || 'info' });

let listen: { host: string; port: number };
let root: string;
try {
  const env = parseConfig({ SITE_HOST: 'required', SITE_PORT: 'required' }, process.env);
  listen = { host: env.SITE_HOST, port: env.SITE_PORT };
  root = path.resolve(values.dir);
  if (!fs.existsSync(path.join(root, 'index.html')))
    throw new Error(`${root} holds no built site (no index.html): run \`npm run build -w site\` first.`);
} catch (err) {
  log.fatal(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

const headers = builtHeaders(root);
const server = http.createServer((req, res) => serveStatic(root, req, res, headers));
server.once('error', (err: NodeJS.ErrnoException) => {
  const taken =
    err.code === 'EADDRINUSE'
      ? `: ${listen.host}:${listen.port} is in use (the site server of \`npm start\`?); set SITE_PORT to a free port`
      : '';
  log.fatal({ err }, `could not listen${taken}`);
  process.exit(1);
});
server.listen(listen.port, listen.host, () =>
  log.info(
    { url: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}/`, dir: root },
    'serving the built site',
  ),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
