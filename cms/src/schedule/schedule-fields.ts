import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { type Schedule, type ScheduleField, scheduleProblems, toDate } from './schedule-rules';

export const ARTICLE = 'api::article.article';
const COLUMNS: Record<ScheduleField, string> = { publishAt: 'publish_at', unpublishAt: 'unpublish_at' };

type Params = { documentId?: string; status?: string; data?: Record<string, unknown> };

/** The schedule an article's draft holds (the draft is where editors set it, and the only row the scheduler reads). */
export async function draftSchedule(strapi: Core.Strapi, documentId: string): Promise<Schedule> {
  const row = await strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null }, select: ['publishAt', 'unpublishAt'] });
  return { publishAt: toDate(row?.publishAt) ?? null, unpublishAt: toDate(row?.unpublishAt) ?? null };
}

/**
 * Empties a schedule field on every version of the article. Written past Strapi's query layer, whose
 * lifecycles would move `updatedAt`: the published version would then look changed to search and the
 * site without any webhook saying so. Inside the caller's transaction when there is one (SQLite has a
 * single connection, which that transaction holds).
 */
export async function clearSchedule(strapi: Core.Strapi, documentId: string, field: ScheduleField): Promise<void> {
  const table = strapi.db.metadata.get(ARTICLE).tableName;
  await strapi.db.transaction(({ trx }) =>
    trx(table)
      .where('document_id', documentId)
      .whereNotNull(COLUMNS[field])
      .update({ [COLUMNS[field]]: null }),
  );
}

async function assertScheduleAllowed(strapi: Core.Strapi, params: Params): Promise<void> {
  const data = params.data;
  if (!data || !('publishAt' in data || 'unpublishAt' in data)) return;
  const stored = params.documentId ? await draftSchedule(strapi, params.documentId) : { publishAt: null, unpublishAt: null };
  const given = (field: ScheduleField) => (field in data ? toDate(data[field]) : stored[field]);
  const publishAt = given('publishAt');
  const unpublishAt = given('unpublishAt');
  // Not a date at all: Strapi's own validation refuses it with its message.
  if (publishAt === undefined || unpublishAt === undefined) return;
  const problems = scheduleProblems({ publishAt, unpublishAt }, stored, new Date());
  if (problems.length === 0) return;
  // `path` puts each message under its field in the edit view, besides the notification.
  throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
    errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
  });
}

/**
 * Checks "Publish at" / "Unpublish at" on every save (scheduleProblems), and empties "Publish at"
 * once the article is published and "Unpublish at" once it is unpublished, whether by hand or by the
 * scheduler: a schedule is done once what it asked for has happened.
 */
export function registerScheduleFields(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== ARTICLE) return next();
    const params = ctx.params as Params;
    if (ctx.action === 'create' || ctx.action === 'update') await assertScheduleAllowed(strapi, params);
    const result = await next();
    const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (documentId && publishing) await clearSchedule(strapi, documentId, 'publishAt');
    if (documentId && ctx.action === 'unpublish') await clearSchedule(strapi, documentId, 'unpublishAt');
    return result;
  });
}
