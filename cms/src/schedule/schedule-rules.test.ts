import { describe, expect, it } from 'vitest';
import { dueAction, scheduleProblems, tickPattern, toDate } from './schedule-rules';

const now = new Date('2026-12-06T13:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const none = { publishAt: null, unpublishAt: null };

describe('schedule rules', () => {
  it('reads stored and submitted datetimes, leaving malformed ones to Strapi', () => {
    expect(toDate('2026-12-06T14:00:00.000Z')).toEqual(new Date('2026-12-06T14:00:00.000Z'));
    expect(toDate(null)).toBeNull();
    expect(toDate('')).toBeNull();
    expect(toDate('tomorrow')).toBeUndefined();
  });

  it('accepts future times and an unpublish after the publish', () => {
    expect(scheduleProblems({ publishAt: at(60), unpublishAt: at(120) }, none, now)).toEqual([]);
    expect(scheduleProblems({ publishAt: null, unpublishAt: at(1) }, none, now)).toEqual([]);
  });

  it('refuses a new time in the past, under its field', () => {
    expect(scheduleProblems({ publishAt: at(-1), unpublishAt: null }, none, now)).toEqual([
      { path: 'publishAt', message: expect.stringContaining('"Publish at" is in the past') },
    ]);
    expect(scheduleProblems({ publishAt: null, unpublishAt: now }, none, now)).toEqual([
      { path: 'unpublishAt', message: expect.stringContaining('"Unpublish at" is in the past') },
    ]);
  });

  it('keeps a stored time that has just come, but refuses saving a time that has already fired and been cleared', () => {
    const stored = { publishAt: at(-1), unpublishAt: null };
    expect(scheduleProblems(stored, stored, now)).toEqual([]);
    expect(scheduleProblems(stored, none, now)).toHaveLength(1);
  });

  it('refuses an unpublish at or before the publish', () => {
    for (const unpublishAt of [at(60), at(30)])
      expect(scheduleProblems({ publishAt: at(60), unpublishAt }, none, now)).toEqual([
        { path: 'unpublishAt', message: '"Unpublish at" must be later than "Publish at".' },
      ]);
  });

  it('unpublishes when both times have passed, publishes when only the publish has', () => {
    expect(dueAction({ publishAt: at(-10), unpublishAt: at(-5) }, now)).toBe('unpublish');
    expect(dueAction({ publishAt: at(-10), unpublishAt: at(5) }, now)).toBe('publish');
    expect(dueAction({ publishAt: now, unpublishAt: null }, now)).toBe('publish');
    expect(dueAction({ publishAt: at(1), unpublishAt: null }, now)).toBeNull();
    expect(dueAction(none, now)).toBeNull();
  });

  it('ticks on second or minute boundaries that divide a minute or an hour', () => {
    expect(tickPattern(1_000)).toBe('*/1 * * * * *');
    expect(tickPattern(15_000)).toBe('*/15 * * * * *');
    expect(tickPattern(60_000)).toBe('0 */1 * * * *');
    expect(tickPattern(600_000)).toBe('0 */10 * * * *');
    expect(tickPattern(3_600_000)).toBe('0 0 * * * *');
    expect(() => tickPattern(7_000)).toThrow('does not divide');
  });
});
