import type http from 'node:http';
import { readBody } from '@stackguide/runtime';
import { z } from 'astro/zod';
import type { ContentChange } from '../src/lib/snapshot.ts';

/** Room for search-sync's longest list of changes (it sends none beyond 1,000: "fetch everything"). */
export const MAX_HOOK_BODY_BYTES = 128 * 1024;

const bodySchema = z.object({
  changedAt: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date')
    .optional(),
  changes: z
    .array(z.object({ kind: z.enum(['article', 'role', 'skill']), documentId: z.string().min(1).max(200) }))
    .optional(),
});

/** A hook call: when the content changed (ms) and which documents, when the caller knows. */
export type HookBody = { changedAt: number | undefined; changes: ContentChange[] | null };

export type HookBodyResult = HookBody | { error: string; status: number };

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
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'} ${i.message}`).join('; ');
    return { error: `${issues}; expected e.g. ${EXAMPLE}`, status: 400 };
  }
  const { changedAt, changes } = parsed.data;
  return { changedAt: changedAt === undefined ? undefined : Date.parse(changedAt), changes: changes ?? null };
}
