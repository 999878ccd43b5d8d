import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveStatic } from '@stackguide/site/static-files';

/** Serves a built site with the site's own static file server, on a free loopback port. */
export async function serveBuild(root: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => serveStatic(root, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
