/**
 * The rules of an article's "Publish at" / "Unpublish at": what a save may set, what is due at a
 * tick, and how often the ticks come. Pure, so they are tested without Strapi.
 */

export type ScheduleField = 'publishAt' | 'unpublishAt';
export type Schedule = { publishAt: Date | null; unpublishAt: Date | null };
/** A refused schedule: the field to show it under and the sentence to show. */
export type ScheduleProblem = { path: ScheduleField; message: string };

/** A stored or submitted datetime as a Date; null when empty, undefined when it is not a date (Strapi refuses those itself). */
export function toDate(value: unknown): Date | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

const same = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

const PAST: Record<ScheduleField, string> = {
  publishAt: '"Publish at" is in the past: pick a later time, or clear it and publish now.',
  unpublishAt: '"Unpublish at" is in the past: pick a later time, or clear it and unpublish now.',
};

/**
 * Why a save may not set `next` over the `stored` schedule at `now`. A time in the past is refused
 * only when the save changes it, so saving other fields of an article whose time has just come (and
 * fires at the next tick) still works; an edit view opened before a schedule fired still shows the
 * old time, and saving it again is refused rather than publishing the draft a second time.
 */
export function scheduleProblems(next: Schedule, stored: Schedule, now: Date): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  for (const path of ['publishAt', 'unpublishAt'] as const) {
    const value = next[path];
    if (value && !same(value, stored[path]) && value.getTime() <= now.getTime()) problems.push({ path, message: PAST[path] });
  }
  if (next.publishAt && next.unpublishAt && next.unpublishAt.getTime() <= next.publishAt.getTime())
    problems.push({ path: 'unpublishAt', message: '"Unpublish at" must be later than "Publish at".' });
  return problems;
}

/**
 * What a tick at `now` does to an article whose draft holds `schedule`: a due unpublish wins (both
 * times passed while the CMS was down: the article ends where the later one leaves it), then a due
 * publish; null when nothing is due.
 */
export function dueAction(schedule: Schedule, now: Date): 'publish' | 'unpublish' | null {
  if (schedule.unpublishAt && schedule.unpublishAt.getTime() <= now.getTime()) return 'unpublish';
  if (schedule.publishAt && schedule.publishAt.getTime() <= now.getTime()) return 'publish';
  return null;
}

/**
 * A six-field cron pattern (seconds first, as Strapi's cron reads it) ticking every `intervalMs`,
 * on the second or minute boundary, so a time set to the minute fires at that minute.
 * @throws Error for an interval that does not divide a minute or an hour (SCHEDULE_INTERVAL's rule refuses those).
 */
export function tickPattern(intervalMs: number): string {
  const seconds = intervalMs / 1000;
  if (Number.isInteger(seconds) && seconds >= 1 && seconds < 60 && 60 % seconds === 0) return `*/${seconds} * * * * *`;
  const minutes = seconds / 60;
  if (Number.isInteger(minutes) && minutes >= 1 && minutes < 60 && 60 % minutes === 0) return `0 */${minutes} * * * *`;
  if (minutes === 60) return '0 0 * * * *';
  throw new Error(`a schedule interval of ${intervalMs} ms does not divide a minute or an hour`);
}
