import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Loopback and private-network addresses (IPv4, IPv6, IPv4-mapped): where a reverse proxy of ours sits. */
function isPrivate(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, '');
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const v6 = address.toLowerCase();
  return v6 === '::1' || /^f[cd]/.test(v6);
}

/**
 * The address a request comes from, for rate limiting only (never stored). Behind a reverse proxy on
 * a private network (the site's nginx in docker-compose) that is the last `X-Forwarded-For` entry,
 * the one the proxy itself added; a request from a public address is never trusted to say.
 */
export function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return last && isPrivate(peer) && isIP(last) ? last : peer;
}
