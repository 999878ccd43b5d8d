/** Where progress goes: a terminal gets a redrawn bar, anything else (a log file, CI) plain lines. */
export type ProgressStream = { write(text: string): unknown; isTTY?: boolean };

export type ProgressOptions = {
  /** stderr by default, so stdout stays free for a command's result. */
  stream?: ProgressStream;
  /** What is counted, shown in the rate ("docs/s"); "items" by default. */
  unit?: string;
  /** Plain lines: at most one per this many milliseconds besides the first and the last (2000). */
  everyMs?: number;
  /** Clock in milliseconds; tests pass their own. */
  now?: () => number;
};

export type Progress = {
  /** Sets how much is done, optionally naming what was just done (a slug, a phase). */
  update(done: number, detail?: string): void;
  /** Adds `n` (default 1) to what is done. */
  tick(n?: number, detail?: string): void;
  /** Changes the total, for jobs that learn it (or see it grow) as they go; shown with the next update. */
  setTotal(total: number): void;
  /** Makes sure the last state was shown and ends the bar's line. */
  end(): void;
};

const BAR_WIDTH = 28;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

export type ProgressState = { label: string; done: number; total: number; elapsedMs: number; unit: string; detail?: string | undefined };

/** One progress line: label, bar (when `bar`), done/total, rate per second, ETA and detail. */
export function progressLine(p: ProgressState, bar: boolean): string {
  const rate = p.elapsedMs > 0 ? p.done / (p.elapsedMs / 1000) : 0;
  const eta = rate > 0 ? Math.max(0, p.total - p.done) / rate : Number.POSITIVE_INFINITY;
  const filled = Math.round((p.total > 0 ? Math.min(1, p.done / p.total) : 1) * BAR_WIDTH);
  const drawn = bar ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
  const shownRate = rate < 10 ? rate.toFixed(1) : rate.toFixed(0);
  const detail = p.detail ? ` (${p.detail})` : '';
  return `${p.label} ${drawn}${p.done}/${p.total} ${shownRate} ${p.unit}/s ETA ${formatSeconds(eta)}${detail}`;
}

/**
 * Progress of a counted job (`total` items): a bar with rate and ETA redrawn in place on a
 * terminal; otherwise plain lines, the first, the last and one every `everyMs` between, so CI logs
 * show the job moving without a line per item.
 */
export function progressBar(label: string, initialTotal: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 2_000;
  const tty = stream.isTTY === true;
  const started = now();
  let total = initialTotal;
  let done = 0;
  let detail: string | undefined;
  let shown = -1;
  let lastLineAt = Number.NEGATIVE_INFINITY;
  const line = () => progressLine({ label, done, total, elapsedMs: now() - started, unit: options.unit ?? 'items', detail }, tty);
  const show = (force: boolean) => {
    if (tty) {
      stream.write(`\r\x1b[2K${line()}`);
      shown = done;
      return;
    }
    if (!force && shown >= 0 && done < total && now() - lastLineAt < everyMs) return;
    stream.write(`${line()}\n`);
    shown = done;
    lastLineAt = now();
  };
  const update = (count: number, what?: string) => {
    done = count;
    detail = what;
    show(false);
  };
  return {
    update,
    tick: (n = 1, what) => update(done + n, what),
    setTotal: (count) => {
      total = count;
    },
    end() {
      if (shown !== done) show(true);
      if (tty && shown >= 0) stream.write('\n');
    },
  };
}

/**
 * Progress of a job made of named steps rather than counted items (a benchmark run): one line per
 * message, prefixed with the job's name and the seconds since it started.
 */
export function stepLog(name: string, stream: ProgressStream = process.stderr): (message: string) => void {
  const started = performance.now();
  return (message) => stream.write(`[${name} +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}
