import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatPrefix, partOutput } from './prefix.ts';
import { readableLine } from './pino-line.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-prefix-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('partOutput', () => {
  it('prefixes every line with the padded name and appends the plain line to the part log', () => {
    const printed: string[] = [];
    const out = partOutput('cms', { logsDir: path.join(dir, 'logs'), write: (t) => printed.push(t), color: false });
    out.line('Server started');
    out.line('\x1b[32mcoloured\x1b[0m');
    out.close();
    expect(printed).toEqual(['cms         | Server started\n', 'cms         | coloured\n']);
    expect(out.logFile).toBe(path.join(dir, 'logs', 'cms.log'));
    const log = fs.readFileSync(out.logFile, 'utf8').split('\n');
    expect(log.slice(1)).toEqual(['Server started', 'coloured', '']);
  });

  it('keeps earlier runs in the log', () => {
    const logsDir = path.join(dir, 'logs');
    for (const text of ['first', 'second']) {
      const out = partOutput('site', { logsDir, write: () => {}, color: false });
      out.line(text);
      out.close();
    }
    expect(fs.readFileSync(path.join(logsDir, 'site.log'), 'utf8')).toMatch(/first\n.*\nsecond\n$/);
  });

  it('colours only the name when colour is on', () => {
    expect(formatPrefix('site', 36)).toBe('\x1b[36msite       \x1b[0m | ');
  });
});

describe('readableLine', () => {
  it('renders pino JSON as level, message and extra fields', () => {
    const line = JSON.stringify({ level: 40, time: 1, pid: 2, hostname: 'h', msg: 'retrying', attempt: 2, url: 'http://x' });
    expect(readableLine(line)).toBe('WARN retrying attempt=2 url=http://x');
  });

  it('leaves other lines alone', () => {
    expect(readableLine('{ not json')).toBe('{ not json');
    expect(readableLine('[2026] info: Strapi started')).toBe('[2026] info: Strapi started');
  });
});

describe('long lines', () => {
  it('are cut on the terminal but kept whole in the log', () => {
    const printed: string[] = [];
    const out = partOutput('cms', { logsDir: path.join(dir, 'logs'), write: (t) => printed.push(t), color: false });
    const long = `GET /api/articles?${'x'.repeat(500)}`;
    out.line(long);
    out.close();
    expect(printed[0]?.length).toBeLessThan(300);
    expect(printed[0]).toMatch(/…\n$/);
    expect(fs.readFileSync(out.logFile, 'utf8')).toContain(long);
  });
});

describe('muted output', () => {
  it('still logs but does not print while muted', () => {
    const printed: string[] = [];
    let muted = false;
    const out = partOutput('cms', { logsDir: path.join(dir, 'logs'), write: (t) => printed.push(t), color: false, muted: () => muted });
    out.line('shown');
    muted = true;
    out.line('hidden');
    out.close();
    expect(printed).toEqual(['cms         | shown\n']);
    expect(fs.readFileSync(out.logFile, 'utf8')).toContain('hidden');
  });
});
