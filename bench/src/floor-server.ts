import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The site-build floor: a recording proxy in front of Strapi. While `recording`, it forwards each
 * GET and keeps the answer in memory by path+query; afterwards it answers the same requests from
 * memory with no database work, so a build against it costs only the loader and Astro.
 */
export async function startFloorServer(
  upstream: string,
): Promise<{ url: string; replay(): void; stored: () => number; close(): Promise<void> }> {
  const store = new Map<string, { status: number; type: string; body: Buffer }>();
  let recording = true;
  const server = http.createServer(async (req, res) => {
    const key = req.url ?? '/';
    if (!recording) {
      const hit = store.get(key);
      if (!hit) return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not recorded"}');
      return res.writeHead(hit.status, { 'content-type': hit.type }).end(hit.body);
    }
    try {
      const answer = await fetch(`${upstream}${key}`, { headers: { authorization: req.headers.authorization ?? '' } });
      const body = Buffer.from(await answer.arrayBuffer());
      const type = answer.headers.get('content-type') ?? 'application/json';
      store.set(key, { status: answer.status, type, body });
      res.writeHead(answer.status, { 'content-type': type }).end(body);
    } catch (err) {
      res.writeHead(502).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replay: () => {
      recording = false;
    },
    stored: () => store.size,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
