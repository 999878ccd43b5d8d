import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseResult, readResults, ResultFileError } from './result-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-figures-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('parseResult', () => {
  it('reads the machine and params a current file records', () => {
    const r = parseResult('a.json', {
      name: 'search',
      at: '2030-01-02T10:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'AMD EPYC', memTotalGiB: 8, node: 'v24.22.3', loadAvgAtStart: [1.5, 1, 1], commit: 'abc1234' },
      params: { articles: 10000 },
    });
    expect(r).toMatchObject({
      name: 'search',
      machine: { cpus: 2, cpuModel: 'AMD EPYC', node: 'v24.22.3', loadAtStart: 1.5 },
      params: { articles: 10000 },
    });
  });
  it('leaves out what an older file does not record instead of failing', () => {
    const r = parseResult('drill.json', { name: 'drill-meili-kill', at: '2030-01-02T10:00:00.000Z', machine: { cpus: 2 } });
    expect(r.machine).toEqual({ cpus: 2, cpuModel: undefined, node: undefined, loadAtStart: undefined });
    expect(r.params).toEqual({});
  });
  it('refuses a file without a bench name or a time, naming the file', () => {
    expect(() => parseResult('x.json', { at: '2030-01-02T10:00:00.000Z' })).toThrow(/x\.json: no "name"/);
    expect(() => parseResult('y.json', { name: 'search', at: 'yesterday' })).toThrow(/y\.json: "at" must be an ISO 8601 time.*"yesterday"/);
    expect(() => parseResult('z.json', [1, 2])).toThrow(ResultFileError);
  });
});

describe('readResults', () => {
  it('reads only .json files, in file-name order', () => {
    const result = (name: string) => JSON.stringify({ name, at: '2030-01-02T10:00:00.000Z' });
    const dir = dirWith({ 'b.json': result('b'), 'a.json': result('a'), 'c.json.tmp': 'half a fi', 'notes.txt': 'x' });
    expect(readResults(dir).map((r) => r.file)).toEqual(['a.json', 'b.json']);
  });
  it('names the file that is not valid JSON', () => {
    const dir = dirWith({ 'broken.json': '{"name": ' });
    expect(() => readResults(dir)).toThrow(/broken\.json: not valid JSON/);
  });
});
