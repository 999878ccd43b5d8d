import type { Core } from '@strapi/strapi';
import { ARTICLE, clearSchedule } from './schedule-fields';
import { dueAction, tickPattern, toDate } from './schedule-rules';

const JOB = 'stackguide-publish-schedule';

type DueRow = { documentId: string; publishAt: unknown; unpublishAt: unknown };

/** Why each article's due schedule did not run at its last try (documentId → reason); retried every tick. */
const failures = new Map<string, string>();
let running: Promise<void> | undefined;

/** Why the last try at this article's due schedule failed, or null when none did. */
export function scheduleFailure(documentId: string): string | null {
  return failures.get(documentId) ?? null;
}

async function runOne(strapi: Core.Strapi, row: DueRow, now: Date): Promise<void> {
  const schedule = { publishAt: toDate(row.publishAt) ?? null, unpublishAt: toDate(row.unpublishAt) ?? null };
  const action = dueAction(schedule, now);
  const { documentId } = row;
  if (action === 'publish') {
    // Through the Document Service, as the admin's Publish button: the webhook to search-sync fires
    // and the document middlewares (first-published date, schedule clearing, link index) run.
    await strapi.documents(ARTICLE).publish({ documentId });
    strapi.log.info(`Published article ${documentId} as scheduled for ${schedule.publishAt?.toISOString()}.`);
  } else if (action === 'unpublish') {
    const published = await strapi.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });
    if (published > 0) await strapi.documents(ARTICLE).unpublish({ documentId });
    else await clearSchedule(strapi, documentId, 'unpublishAt');
    // A publish time before it has passed too: the article ends unpublished, as it would have.
    await clearSchedule(strapi, documentId, 'publishAt');
    strapi.log.info(`Unpublished article ${documentId} as scheduled for ${schedule.unpublishAt?.toISOString()}.`);
  }
}

async function runDue(strapi: Core.Strapi, now: Date): Promise<void> {
  const due = (await strapi.db.query(ARTICLE).findMany({
    select: ['documentId', 'publishAt', 'unpublishAt'],
    where: { publishedAt: null, $or: [{ publishAt: { $lte: now } }, { unpublishAt: { $lte: now } }] },
    orderBy: { id: 'asc' },
  })) as DueRow[];
  const dueIds = new Set(due.map((row) => row.documentId));
  for (const documentId of failures.keys()) if (!dueIds.has(documentId)) failures.delete(documentId);
  for (const row of due) {
    try {
      await runOne(strapi, row, now);
      failures.delete(row.documentId);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // Logged when the reason is new, not at every tick it is retried.
      if (failures.get(row.documentId) !== reason) strapi.log.warn(`Scheduled change of article ${row.documentId} failed: ${reason}`);
      failures.set(row.documentId, reason);
    }
  }
}

/**
 * Publishes and unpublishes the articles whose time has come: those due by `now` (a tick's planned
 * time, so a tick that fires a moment early still covers its own minute). One run at a time; a tick
 * that comes while one runs is skipped, the next one picks up what is left.
 */
export function runDueSchedules(strapi: Core.Strapi, now = new Date()): Promise<void> {
  if (running) return running;
  running = runDue(strapi, now).finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * Runs what fell due while the CMS was down, then ticks every `intervalMs` with Strapi's cron
 * (added here rather than in config/server.ts, so one-off jobs that load the app never publish).
 */
export async function startScheduler(strapi: Core.Strapi, intervalMs: number): Promise<void> {
  await runDueSchedules(strapi);
  strapi.cron.add({
    [JOB]: {
      // Strapi passes the planned time of the tick after the context.
      task: async (_ctx: unknown, fireDate: unknown) =>
        runDueSchedules(strapi, new Date(Math.max(Date.now(), fireDate instanceof Date ? fireDate.getTime() : 0))),
      options: tickPattern(intervalMs),
    },
  });
}
