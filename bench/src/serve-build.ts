import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtHeaders, serveStatic } from '@stackguide/site/static-files';

/**
 * Serves a built site with the site's own static file server and, unless `siteHeaders` is false,
 * the headers it was built for, on a free loopback port.
 */
export async function serveBuild(root: string, { siteHeaders = true } = {}): Promise<{ url: string; close(): void }> {
  const headers = siteHeaders ? builtHeaders(root) : {};
  const server = http.createServer((req, res) => serveStatic(root, req, res, headers));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
