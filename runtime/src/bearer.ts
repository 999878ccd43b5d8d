import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when an `Authorization` header presents `Bearer <secret>`. Both sides are hashed first so
 * the comparison takes the same time whatever the presented value's length.
 */
export function bearerMatches(header: string | undefined, secret: string): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(secret)) && presented.length > 0;
}
