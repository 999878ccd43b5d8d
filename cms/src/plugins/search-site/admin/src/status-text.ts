import type { ArticleSchedule, ArticleStatus } from '../../shared/contracts';
import { ago, clock, dayAndTime } from './format';

/** One line of the article status panel: what it says and how it is coloured. */
export type StatusLine = { tone: 'success' | 'warning' | 'danger' | 'neutral'; text: string };

/** Same version: the index keeps whole seconds of the article's updatedAt. */
const sameSecond = (a: string, b: string) => Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);

/** Where the article being edited stands in search. */
export function searchLine(status: ArticleStatus, now: number): StatusLine {
  if (!status.search.ok) return { tone: 'neutral', text: `Search status unavailable: ${status.search.error}` };
  const { state, indexedUpdatedAt, error } = status.search.data;
  const published = status.publishedUpdatedAt;
  if (state === 'failed') return { tone: 'danger', text: `Failed: ${error ?? 'unknown error'}` };
  if (!published) {
    // Unpublished but still indexed: the removal is on its way.
    return indexedUpdatedAt
      ? { tone: 'warning', text: 'Leaving search (unpublished)' }
      : { tone: 'neutral', text: 'Not in search (draft)' };
  }
  if (state === 'queued') return { tone: 'warning', text: error ? `Queued (last try failed: ${error})` : 'Queued' };
  if (indexedUpdatedAt && sameSecond(indexedUpdatedAt, published))
    return { tone: 'success', text: `In search: updated ${ago(indexedUpdatedAt, now)}` };
  if (indexedUpdatedAt) return { tone: 'warning', text: 'In search with an older version; the update is on its way' };
  return { tone: 'warning', text: 'Not in search yet' };
}

/** Whether the site's current build shows the article as published now. */
export function siteLine(status: ArticleStatus): StatusLine {
  const published = status.publishedUpdatedAt;
  if (!status.site.ok) return { tone: 'neutral', text: `Site status unavailable: ${status.site.error}` };
  const { inBuild, updatedAt, buildFinishedAt } = status.site.data;
  if (!published)
    return inBuild ? { tone: 'warning', text: 'On the site until the next build' } : { tone: 'neutral', text: 'Not on the site (draft)' };
  if (inBuild && updatedAt && buildFinishedAt && sameSecond(updatedAt, published)) {
    return { tone: 'success', text: `On the site: since build of ${clock(buildFinishedAt)}` };
  }
  return { tone: 'warning', text: 'Waiting for the next build' };
}

/**
 * The saved "Publish at" / "Unpublish at", in the editor's time zone; a due one that failed says
 * why (the CMS tries it again at every check until it works or the time is cleared).
 */
export function scheduleLines(schedule: ArticleSchedule, now: number, locale?: string): StatusLine[] {
  const lines: StatusLine[] = [];
  const failed = (text: string, due: string) =>
    schedule.failure && Date.parse(due) <= now
      ? { tone: 'danger' as const, text: `${text}: failed (${schedule.failure}); tried again at every check` }
      : { tone: 'neutral' as const, text };
  if (schedule.publishAt) lines.push(failed(`Scheduled for ${dayAndTime(schedule.publishAt, now, locale)}`, schedule.publishAt));
  if (schedule.unpublishAt) lines.push(failed(`Unpublishes ${dayAndTime(schedule.unpublishAt, now, locale)}`, schedule.unpublishAt));
  return lines;
}
