import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAddressBar, TYPING_PAUSE_MS } from './address-bar.ts';

/** A window with a history that records its calls, and events to dispatch on it and its document. */
function fakeWindow() {
  const calls: string[] = [];
  const win = Object.assign(new EventTarget(), {
    document: new EventTarget(),
    history: {
      replaceState: (_: unknown, __: string, url: string) => calls.push(`replace ${url}`),
      pushState: (_: unknown, __: string, url: string) => calls.push(`push ${url}`),
    },
  });
  return { win: win as unknown as Window, calls };
}

describe('the address bar of the search page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes a typed query once typing pauses, the last one only', () => {
    const { win, calls } = fakeWindow();
    const bar = createAddressBar(win);
    bar.type('/search/?q=p');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    bar.type('/search/?q=po');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['replace /search/?q=po']);
  });

  it('writes a typed query at once when a click or leaving the page comes first', () => {
    const { win, calls } = fakeWindow();
    const bar = createAddressBar(win);
    bar.type('/search/?q=docker');
    win.document.dispatchEvent(new Event('click'));
    bar.type('/search/?q=dockerfile');
    win.dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=docker', 'replace /search/?q=dockerfile']);
  });

  it('writes the typed query into the current entry before pushing a new one', () => {
    const { win, calls } = fakeWindow();
    const bar = createAddressBar(win);
    bar.type('/search/?q=java');
    bar.push('/search/?q=java&role=backend-developer');
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=java', 'push /search/?q=java&role=backend-developer']);
  });

  it('forgets a typed query when back or forward moved to another entry', () => {
    const { win, calls } = fakeWindow();
    const bar = createAddressBar(win);
    bar.type('/search/?q=rust');
    bar.forget();
    vi.runAllTimers();
    expect(calls).toEqual([]);
  });
});
