const DAY_MS = 86_400_000;

/** UTC calendar day of a time, `YYYY-MM-DD`. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first UTC day of the `days` days that end with today (today included). */
export const firstDayOf = (days: number, now: number): string => utcDay(now - (days - 1) * DAY_MS);
