import type { ReindexProgress } from './reindex.ts';

const BAR_WIDTH = 28;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** One progress line: bar (TTY only), done/total, documents per second and ETA. */
export function progressLine(p: ReindexProgress, elapsedMs: number, bar: boolean): string {
  const rate = elapsedMs > 0 ? p.done / (elapsedMs / 1000) : 0;
  const remaining = Math.max(0, p.total - p.done);
  const eta = rate > 0 ? remaining / rate : Infinity;
  const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  const prefix = bar ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
  return `${prefix}${p.state} ${p.done}/${p.total} ${rate.toFixed(1)} docs/s ETA ${formatSeconds(eta)}`;
}

/** Writes progress to `stream`: a redrawn bar on a terminal, plain lines otherwise. */
export function progressReporter(stream: NodeJS.WriteStream): { update(p: ReindexProgress): void; end(): void } {
  const started = Date.now();
  const tty = stream.isTTY === true;
  return {
    update(p) {
      const line = progressLine(p, Date.now() - started, tty);
      stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    end() {
      if (tty) stream.write('\n');
    },
  };
}
