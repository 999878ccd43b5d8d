import type http from 'node:http';
import { type ContentChange, hookBodySchema, MAX_HOOK_BODY_BYTES } from '@stackguide/contracts/build-hook';
import { readBody } from '@stackguide/runtime';

/** A hook call: when the content changed (ms) and which documents, when the caller knows. */
export type HookCall = { changedAt: number | undefined; changes: ContentChange[] | null };

export type HookBodyResult = HookCall | { error: string; status: number };

const EXAMPLE = '{"changedAt":"2030-01-01T00:00:00.000Z","changes":[{"kind":"article","documentId":"abc123"}]}';

/** Reads and checks the optional JSON body of a build hook call (empty means "something changed"). */
export async function readHookBody(req: http.IncomingMessage): Promise<HookBodyResult> {
  const read = await readBody(req, MAX_HOOK_BODY_BYTES);
  if (read.kind === 'too-large') return { error: `body larger than ${MAX_HOOK_BODY_BYTES} bytes`, status: 413 };
  if (read.kind === 'aborted') return { error: 'request aborted', status: 400 };
  const text = read.body.toString('utf8');
  if (text.trim() === '') return { changedAt: undefined, changes: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `body must be JSON, e.g. ${EXAMPLE}`, status: 400 };
  }
  const parsed = hookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ');
    return { error: `${issues}; expected e.g. ${EXAMPLE}`, status: 400 };
  }
  const { changedAt, changes } = parsed.data;
  return { changedAt: changedAt === undefined ? undefined : Date.parse(changedAt), changes: changes ?? null };
}
