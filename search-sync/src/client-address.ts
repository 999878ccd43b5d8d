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

/** How many groups of an IPv6 address these are: an embedded IPv4 address counts as two. */
const groupCount = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);

/**
 * Who a visitor is for counting them (rate limits, distinct visitors): an IPv4 address itself, an
 * IPv6 address by its /64 network, which one subscriber usually holds whole, so a client cannot
 * count as millions of visitors by changing the low bits of its address.
 */
export function visitorKey(address: string): string {
  const v4 = address.replace(/^::ffff:/i, '');
  if (isIP(v4) === 4) return v4;
  const bare = address.toLowerCase().split('%')[0] ?? '';
  if (isIP(bare) !== 6) return address;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - groupCount(left) - groupCount(right)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
