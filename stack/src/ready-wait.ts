import { waitFor } from '@stackguide/runtime';

/**
 * Polls a status endpoint until its JSON body says `ready: true`.
 * @throws WaitError when `isAlive` turns false or the deadline passes (naming the last answer).
 */
export async function waitForReady(statusUrl: string, timeoutMs: number, isAlive: () => boolean, intervalMs = 500): Promise<void> {
  await waitFor(
    `${statusUrl} to report ready`,
    async () => {
      const res = await fetch(statusUrl, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const ready = readyField(await res.json());
      if (ready !== true) throw new Error(`ready: ${JSON.stringify(ready)}`);
      return true;
    },
    { timeoutMs, intervalMs, isAlive },
  );
}

const readyField = (body: unknown): unknown => (body && typeof body === 'object' && 'ready' in body ? body.ready : undefined);
