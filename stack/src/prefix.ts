import fs from 'node:fs';
import path from 'node:path';
import { readableLine } from './pino-line.ts';

const COLORS = [36, 35, 33, 32, 34, 91, 96] as const;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/** Longer lines (Strapi's request log with its populate query strings) are cut on the terminal only. */
const MAX_TERMINAL_CHARS = 240;

/** Width of the name column: the longest part name. */
export const NAME_WIDTH = 'search-sync'.length;

/** `name        | ` with the name padded to NAME_WIDTH and coloured when `color` is on. */
export function formatPrefix(name: string, color: number | false): string {
  const padded = name.padEnd(NAME_WIDTH);
  return color === false ? `${padded} | ` : `\x1b[${color}m${padded}\x1b[0m | `;
}

export type PartOutput = {
  name: string;
  /** Absolute path of the part's log file. */
  logFile: string;
  /** Prints one line of the part's output with its prefix and appends it to the log file. */
  line(text: string): void;
  close(): void;
};

export type OutputOptions = {
  logsDir: string;
  write: (text: string) => void;
  color: boolean;
  /** While true, lines go to the log file only (e.g. the noise of parts being stopped). */
  muted?: () => boolean;
};

let nextColor = 0;

/**
 * Output channel for one part: prefixed lines on the terminal, plain lines in `<logsDir>/<name>.log`
 * (appended, with a marker per run, so earlier runs stay readable).
 * @throws Error when the log directory cannot be created or the log file opened.
 */
export function partOutput(name: string, opts: OutputOptions): PartOutput {
  fs.mkdirSync(opts.logsDir, { recursive: true });
  const logFile = path.join(opts.logsDir, `${name}.log`);
  // Synchronous writes: nothing is lost when the orchestrator exits right after a failure.
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `--- ${new Date().toISOString()} npm start ---\n`);
  const color = opts.color ? (COLORS[nextColor++ % COLORS.length] ?? false) : false;
  const prefix = formatPrefix(name, color);
  let open = true;
  return {
    name,
    logFile,
    line(text) {
      const plain = text.replace(ANSI, '');
      if (open) fs.writeSync(fd, `${plain}\n`);
      if (opts.muted?.()) return;
      const shown = readableLine(opts.color ? text : plain);
      opts.write(`${prefix}${shown.length > MAX_TERMINAL_CHARS ? `${shown.slice(0, MAX_TERMINAL_CHARS)}…` : shown}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      fs.closeSync(fd);
    },
  };
}
