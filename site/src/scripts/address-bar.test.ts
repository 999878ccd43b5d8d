import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAddressBar, TYPING_PAUSE_MS } from './address-bar.ts';

/** The globals the address bar uses: a history that records its calls, and events on the window and the document. */
function fakeWindow() {
  const calls: string[] = [];
  const win = new EventTarget();
  const doc = new EventTarget();
  vi.stubGlobal('history', {
    replaceState: (_: unknown, __: string, url: string) => calls.push(`replace ${url}`),
    pushState: (_: unknown, __: string, url: string) => calls.push(`push ${url}`),
  });
  vi.stubGlobal('document', doc);
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  return { win, doc, calls };
}

describe('the address bar of the search page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('takes a typed query once typing pauses, the last one only', () => {
    const { calls } = fakeWindow();
    const bar = createAddressBar();
    bar.type('/search/?q=p');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    bar.type('/search/?q=po');
    vi.advanceTimersByTime(TYPING_PAUSE_MS - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['replace /search/?q=po']);
  });

  it('writes a typed query at once when a click or leaving the page comes first', () => {
    const { win, doc, calls } = fakeWindow();
    const bar = createAddressBar();
    bar.type('/search/?q=docker');
    doc.dispatchEvent(new Event('click'));
    bar.type('/search/?q=dockerfile');
    win.dispatchEvent(new Event('pagehide'));
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=docker', 'replace /search/?q=dockerfile']);
  });

  it('writes the typed query into the current entry before pushing a new one', () => {
    const { calls } = fakeWindow();
    const bar = createAddressBar();
    bar.type('/search/?q=java');
    bar.push('/search/?q=java&role=backend-developer');
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=java', 'push /search/?q=java&role=backend-developer']);
  });

  it('writes a typed query before an announced back or forward within the page leaves the entry, then makes the move again', () => {
    const { calls } = fakeWindow();
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', Object.assign(navigation, { traverseTo: (key: string) => calls.push(`traverse ${key}`) }));
    const traverse = (key: string, sameDocument = true) =>
      navigation.dispatchEvent(Object.assign(new Event('navigate'), { navigationType: 'traverse', destination: { key, sameDocument } }));
    const bar = createAddressBar();
    bar.type('/search/?q=kotlin');
    traverse('another-page', false);
    expect(calls).toEqual([]);
    traverse('earlier');
    expect(calls).toEqual(['replace /search/?q=kotlin']);
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=kotlin', 'traverse earlier']);
    traverse('earlier');
    navigation.dispatchEvent(
      Object.assign(new Event('navigate'), { navigationType: 'push', destination: { key: 'new', sameDocument: true } }),
    );
    vi.runAllTimers();
    expect(calls).toEqual(['replace /search/?q=kotlin', 'traverse earlier']);
  });

  it('forgets a typed query when back or forward moved to another entry', () => {
    const { calls } = fakeWindow();
    const bar = createAddressBar();
    bar.type('/search/?q=rust');
    bar.forget();
    vi.runAllTimers();
    expect(calls).toEqual([]);
  });
});
