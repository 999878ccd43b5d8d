/** "4 s ago", "12 min ago", "3 h ago", "2 days ago": how long before `now` the time `iso` was. */
export function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** "10:42" in the editor's time zone (24-hour clock, as the status panel says "since build of 10:42"). */
export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "10:42, 3 Mar" style date and time for lists. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/**
 * "6 Dec, 14:00" (with the year when it is not `now`'s) in the editor's time zone and locale
 * (`locale` undefined: the browser's).
 */
export function dayAndTime(iso: string, now: number, locale?: string): string {
  const date = new Date(iso);
  const year = date.getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' as const };
  return date.toLocaleString(locale, { day: 'numeric', month: 'short', ...year, hour: '2-digit', minute: '2-digit' });
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** "1 published document", "54 published documents". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
