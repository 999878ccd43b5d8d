import type { IncomingMessage } from 'node:http';

/** Bytes of an oversized body read (and thrown away) before the connection is cut. */
const DRAIN_CAP = 8 * 1024 * 1024;

export type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes. Past the limit nothing more is kept: the rest is
 * drained so the client can read the 413 cleanly, and the socket is cut if it keeps sending.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_CAP) {
        resolve({ kind: 'too-large' });
        req.destroy();
      }
    });
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'aborted' }));
  });
}

/** True for `application/json` and `application/*+json`, with any parameters. */
export function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

export type JsonBodyResult =
  | { kind: 'json'; value: unknown }
  | { kind: 'refused'; status: 400 | 413 | 415; error: string }
  | { kind: 'aborted' };

/**
 * Reads a JSON request body, refusing what every JSON intake refuses: another content type (415,
 * the body is drained unread), more than `limit` bytes (413) or text that is not JSON (400). The
 * caller validates the value's shape.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    return { kind: 'refused', status: 415, error: 'content type must be application/json' };
  }
  const read = await readBody(req, limit);
  if (read.kind === 'aborted') return read;
  if (read.kind === 'too-large') return { kind: 'refused', status: 413, error: `body larger than ${limit} bytes` };
  try {
    return { kind: 'json', value: JSON.parse(read.body.toString('utf8')) };
  } catch {
    return { kind: 'refused', status: 400, error: 'body is not valid JSON' };
  }
}
