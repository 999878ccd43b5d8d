import { isFetchError } from '@strapi/strapi/admin';
import * as React from 'react';

/** The message of a failed admin request: the plugin's `{ error }`, Strapi's `{ error: { message } }`, or the error itself. */
export function errorText(err: unknown): string {
  if (isFetchError(err)) {
    const body: unknown = err.response?.data;
    const error = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
    if (typeof error === 'string') return error;
    if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export type Poll<T> = { data: T | undefined; error: string | undefined; refresh(): void };

/**
 * Loads now and again every `intervalMs` while the page is visible (at once when it becomes
 * visible again), one request at a time, so the view follows changes without a reload.
 */
export function usePoll<T>(load: () => Promise<T>, intervalMs: number): Poll<T> {
  const [data, setData] = React.useState<T>();
  const [error, setError] = React.useState<string>();
  const latest = React.useRef(load);
  latest.current = load;
  const kick = React.useRef<() => void>(() => undefined);

  React.useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    const tick = async () => {
      clearTimeout(timer);
      if (stopped || busy) return;
      if (document.visibilityState === 'visible') {
        busy = true;
        try {
          const next = await latest.current();
          if (!stopped) {
            setData(next);
            setError(undefined);
          }
        } catch (err) {
          if (!stopped) setError(errorText(err));
        } finally {
          busy = false;
        }
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    kick.current = () => void tick();
    const onVisible = () => document.visibilityState === 'visible' && void tick();
    document.addEventListener('visibilitychange', onVisible);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);

  return { data, error, refresh: React.useCallback(() => kick.current(), []) };
}

/** The current time, renewed every `intervalMs`, for "3 s ago" texts between polls. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = React.useState(Date.now());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
