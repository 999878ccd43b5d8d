import type { SyncApi } from './sync-api.ts';

/** How long the results must stand still before the query counts as the one the visitor settled on. */
export const SETTLE_MS = 1500;

export type SearchReporter = {
  /** Results for `q` are showing; reported once they stood for SETTLE_MS, or a result is opened. */
  showed(q: string, results: number): void;
  /** The visitor opened the result at `position` (1 = first) of the search for `q`. */
  opened(q: string, results: number, position: number): void;
  /** Reports the pending query now (the visitor submitted it, or is leaving the page: call it on `pagehide`). */
  flush(): void;
  /** Treats `q` as reported already: it was where the visitor typed it (the header box, before /search/). */
  skip(q: string): void;
};

const key = (q: string) => q.trim().toLowerCase();

/**
 * Reports the query a visitor settled on, not every keystroke: each distinct query once per page,
 * after a pause, on opening a result, or when the page is left; then each opened result.
 */
export function createSearchReporter(api: SyncApi, settleMs = SETTLE_MS): SearchReporter {
  let pending: { q: string; results: number } | null = null;
  let reported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (pending && key(pending.q) !== reported) {
      api.report({ type: 'search', ...pending });
      reported = key(pending.q);
    }
    pending = null;
  };
  return {
    showed(q, results) {
      clearTimeout(timer);
      pending = q.trim() ? { q: q.trim(), results } : null;
      if (pending) timer = setTimeout(flush, settleMs);
    },
    opened(q, results, position) {
      flush();
      api.report({ type: 'click', q: q.trim(), results, position });
    },
    flush,
    skip(q) {
      reported = key(q);
    },
  };
}

/**
 * Calls `onOpen(position)` when an option of `list` is opened (click, or Enter on the active option):
 * its place among the options shown, 1 first, the salary answer card included.
 */
export function onResultOpened(list: HTMLElement, onOpen: (position: number) => void): void {
  list.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest('[role=option]') : null;
    if (option) onOpen([...list.querySelectorAll('[role=option]')].indexOf(option) + 1);
  });
}

/** True when this page was reached from one where the visitor typed its query (the header box), or by back/forward/reload. */
export function arrivedWithQuery(): boolean {
  const type = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
  return (
    type === 'back_forward' || type === 'reload' || (document.referrer !== '' && new URL(document.referrer).origin === location.origin)
  );
}
