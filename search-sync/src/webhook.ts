import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerMatches, readJsonBody } from '@stackguide/runtime';
import { z } from 'zod';
import { describeError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';
import type { Enqueue, ItemKind, SyncQueue } from './queue.ts';
import { VOCABULARY_ITEM } from './vocabulary.ts';

export const MAX_WEBHOOK_BYTES = 256 * 1024;

const RELEVANT_MODELS: ReadonlySet<string> = new Set<ItemKind>(['article', 'role', 'skill', 'search-setting']);

const payloadSchema = z.object({
  event: z.string().min(1),
  model: z.string().min(1),
  entry: z.looseObject({ documentId: z.string().min(1).optional(), slug: z.unknown().optional(), name: z.unknown().optional() }).nullable(),
});

export type WebhookDeps = {
  secret: string;
  queue: SyncQueue;
  metrics: Metrics;
  log: Logger;
  /** New items are in the queue. */
  onQueued(): void;
  /** An event named no document (Strapi sometimes sends `entry: null`): look at everything soon. */
  onUnknownEntry(): void;
};

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Handles `POST /webhooks/strapi`. The payload only says which document to look at; the item is
 * committed to the durable queue before the 202 goes out, so an acknowledged event is never lost.
 */
export async function handleWebhook(req: IncomingMessage, res: ServerResponse, deps: WebhookDeps): Promise<void> {
  if (!bearerMatches(req.headers.authorization, deps.secret)) {
    req.resume();
    return reply(res, 401, { error: 'missing or wrong bearer token' });
  }
  const read = await readJsonBody(req, MAX_WEBHOOK_BYTES);
  if (read.kind === 'aborted') return;
  if (read.kind === 'refused') return reply(res, read.status, { error: read.error });
  const parsed = payloadSchema.safeParse(read.value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    return reply(res, 400, { error: `missing or malformed fields: ${fields}` });
  }
  const { event, model, entry } = parsed.data;
  if (!RELEVANT_MODELS.has(model)) return reply(res, 202, { ignored: true, model });
  deps.metrics.eventsReceived += 1;
  // The vocabulary is one entry: whatever the event says, the item is "apply it again".
  if (model === VOCABULARY_ITEM.kind) return enqueue(res, deps, { ...VOCABULARY_ITEM }, event);
  if (!entry?.documentId) {
    deps.log.info({ event, model }, 'webhook without documentId; scheduling a reconcile');
    deps.onUnknownEntry();
    return reply(res, 202, { queued: 0, reconcile: 'scheduled' });
  }
  const kind = model as ItemKind;
  const hintValue = kind === 'role' ? entry.slug : kind === 'skill' ? entry.name : undefined;
  const item: Enqueue = { kind, documentId: entry.documentId };
  if (typeof hintValue === 'string' && hintValue) item.hint = hintValue;
  return enqueue(res, deps, item, event);
}

/** Commits the item to the queue, then answers 202 (503 when the queue cannot take it). */
function enqueue(res: ServerResponse, deps: WebhookDeps, item: Enqueue, event: string): void {
  try {
    deps.queue.enqueue([item]);
  } catch (err) {
    deps.log.error({ err: describeError(err), event, kind: item.kind, documentId: item.documentId }, 'could not queue webhook event');
    reply(res, 503, { error: 'queue unavailable; retry later' });
    return;
  }
  deps.log.debug({ event, kind: item.kind, documentId: item.documentId }, 'webhook queued');
  deps.onQueued();
  reply(res, 202, { queued: 1 });
}
