/**
 * How long typing pauses before the query goes into the address bar. Replacing the history entry
 * keeps the browser's own process busy for a while; done on every keystroke, that work competes with
 * the search request and the painting of its results on a small machine.
 */
export const TYPING_PAUSE_MS = 500;

/** The search state's URL in the history: a typed query once typing pauses, a new entry at once. */
export type AddressBar = {
  /** Replaces the current entry's URL once typing has paused for TYPING_PAUSE_MS. */
  type(url: string): void;
  /** Adds an entry (a filter, a further page), the query typed before it written into the current one. */
  push(url: string): void;
  /** Drops a typed URL not yet written: back or forward moved to another entry without announcing it. */
  forget(): void;
};

export function createAddressBar(): AddressBar {
  let typed: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    if (typed !== null) history.replaceState(null, '', typed);
    typed = null;
  };
  // Back to this page must find the query typed last, whatever leaves it for another page or entry.
  document.addEventListener('click', settle, true);
  addEventListener('pagehide', settle);
  // Back or forward within the page leaves the entry without a pagehide. Where the browser announces
  // the move (the Navigation API), the query is written first; a history write cancels the move,
  // so it is made again. A move to another document has its pagehide.
  const nav: Navigation | undefined = globalThis.navigation;
  nav?.addEventListener('navigate', (event) => {
    if (event.navigationType !== 'traverse' || !event.destination.sameDocument || typed === null) return;
    const { key } = event.destination;
    settle();
    setTimeout(() => nav.traverseTo(key), 0);
  });
  return {
    type(url) {
      clearTimeout(timer);
      typed = url;
      timer = setTimeout(settle, TYPING_PAUSE_MS);
    },
    push(url) {
      settle();
      history.pushState(null, '', url);
    },
    forget() {
      typed = null;
      settle();
    },
  };
}
