const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'name', 'v']);

/**
 * Turns a pino JSON line into `INFO message key=value …` for the terminal; any other line is returned as is.
 * The raw JSON still goes to the part's log file.
 */
export function readableLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (!record || typeof record !== 'object' || !('level' in record) || typeof record.level !== 'number') return line;
  const fields = record as Record<string, unknown>;
  const level = LEVELS[record.level] ?? `L${record.level}`;
  const extras = Object.entries(fields)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [level, typeof fields.msg === 'string' ? fields.msg : '', ...extras].filter(Boolean).join(' ');
}
