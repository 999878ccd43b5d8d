import fs from 'node:fs';
import path from 'node:path';
import { at, numberAt, stringAt } from './json.ts';

/** What a result says about the machine; each field is absent when the file does not record it. */
export type Machine = { cpus?: number; cpuModel?: string; node?: string; loadAtStart?: number };

/** One results file of `bench/results/`, with the fields every table needs checked once. */
export type ResultFile = {
  /** The file's name, e.g. `reindex-2026-…Z.json`. */
  file: string;
  /** The bench that wrote it (`publish-latency`, `drill-meili-kill`, …). */
  name: string;
  /** When the run wrote it (ISO 8601, UTC). */
  at: string;
  machine: Machine;
  /** The run's parameters; drills written before they recorded any have `{}`. */
  params: Record<string, unknown>;
  /** The whole parsed file. */
  data: Record<string, unknown>;
};

/** Thrown when a results file cannot be read as one: the message names the file and the field. */
export class ResultFileError extends Error {
  override name = 'ResultFileError';
}

/**
 * Checks one parsed results file. `name` and `at` are required (they decide which result is the
 * latest); machine fields and params are optional, because older files lack some of them.
 * @throws ResultFileError naming the file and what is wrong with it.
 */
export function parseResult(file: string, json: unknown): ResultFile {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ResultFileError(`${file}: not a JSON object`);
  const data = json as Record<string, unknown>;
  const name = stringAt(data, 'name');
  if (!name) throw new ResultFileError(`${file}: no "name" (the bench that wrote it)`);
  const when = stringAt(data, 'at');
  if (!when || !/^\d{4}-\d{2}-\d{2}T/.test(when) || Number.isNaN(Date.parse(when))) {
    throw new ResultFileError(
      `${file}: "at" must be an ISO 8601 time such as 2026-01-31T12:00:00.000Z, got ${JSON.stringify(at(data, 'at'))}`,
    );
  }
  const params = at(data, 'params');
  return {
    file,
    name,
    at: when,
    machine: {
      cpus: numberAt(data, 'machine', 'cpus'),
      cpuModel: stringAt(data, 'machine', 'cpuModel'),
      node: stringAt(data, 'machine', 'node'),
      loadAtStart: numberAt(data, 'machine', 'loadAvgAtStart', 0),
    },
    params: params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {},
    data,
  };
}

/**
 * Every `*.json` of `dir`, parsed and checked, in file-name order (so the report never depends on
 * the order the file system lists them in).
 * @throws ResultFileError naming the file that is not valid JSON or not a result.
 */
export function readResults(dir: string): ResultFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new ResultFileError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
    return parseResult(file, json);
  });
}
