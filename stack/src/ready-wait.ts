/**
 * Polls a status endpoint until its JSON body says `ready: true`.
 * @throws Error when `isAlive` turns false or the deadline passes (naming the last answer).
 */
export async function waitForReady(statusUrl: string, timeoutMs: number, isAlive: () => boolean, intervalMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the process exited');
    try {
      const res = await fetch(statusUrl, { signal: AbortSignal.timeout(5_000) });
      const ready = readyField(await res.json());
      if (res.ok && ready === true) return;
      last = res.ok ? `ready: ${JSON.stringify(ready)}` : `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${statusUrl} did not report ready within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

const readyField = (body: unknown): unknown => (body && typeof body === 'object' && 'ready' in body ? body.ready : undefined);
