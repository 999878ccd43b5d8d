import { createHash } from 'node:crypto';

/**
 * Content digests for build keys. Entries and cards get theirs once (`remember`); a key over
 * several values replaces each remembered object by its digest instead of serialising it again,
 * so keying 10,000 article pages does not re-serialise 10,000 article bodies.
 */
const digests = new WeakMap<object, string>();

function hash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** Computes and remembers the digest of `value`, plain data whose JSON is its whole content; returns the value. */
export function remember<T extends object>(value: T): T {
  if (!digests.has(value)) digests.set(value, hash(JSON.stringify(value)));
  return value;
}

/** The digest `remember` gave `value`, computing it now if it has none. */
export function digestOf(value: object): string {
  return digests.get(remember(value))!;
}

function replacer(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const known = digests.get(value);
    if (known !== undefined) return { '#': known };
  }
  return value;
}

/** A key over `values`: equal keys mean equal content (remembered objects count by their digest). */
export function keyOf(...values: unknown[]): string {
  return hash(JSON.stringify(values, replacer));
}
