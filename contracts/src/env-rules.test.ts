import { describe, expect, it } from 'vitest';
import { byteSize, clockInterval, count, duration, flag, host, httpUrl, milliseconds, oneOf, port, postgresUrl } from './env-rules.ts';

describe('parse rules', () => {
  it('ports are whole numbers from 1 to 65535', () => {
    const rule = port('1337');
    expect(rule.schema.parse('8080')).toBe(8080);
    for (const bad of ['0', '70000', 'abc', '12.5', '-1', ' 80']) expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });

  it('URLs must be http(s) and lose trailing slashes', () => {
    const rule = httpUrl('http://127.0.0.1:1337');
    expect(rule.schema.parse('http://127.0.0.1:1337//')).toBe('http://127.0.0.1:1337');
    expect(rule.schema.parse('https://cms.example.com/base/')).toBe('https://cms.example.com/base');
    for (const bad of ['localhost:1337', 'ftp://x.test', 'not a url']) expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });

  it('clock intervals divide a minute or an hour evenly, so every tick is the same distance apart', () => {
    const rule = clockInterval('1m');
    for (const [text, ms] of [
      ['1s', 1_000],
      ['15s', 15_000],
      ['60s', 60_000],
      ['1m', 60_000],
      ['20m', 1_200_000],
      ['1h', 3_600_000],
    ] as const) {
      expect(rule.schema.parse(text)).toBe(ms);
    }
    for (const bad of ['7s', '45s', '500ms', '7m', '90m', '2h', '0s', 'soon']) expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });

  it('durations become milliseconds', () => {
    const rule = duration('10m');
    for (const [text, ms] of [
      ['30s', 30_000],
      ['10m', 600_000],
      ['1h', 3_600_000],
      ['250ms', 250],
      [' 2m ', 120_000],
    ] as const) {
      expect(rule.schema.parse(text)).toBe(ms);
    }
    for (const bad of ['10', '0s', '-1m', '1d', 'ten minutes']) expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });

  it('flags, word lists, hosts and milliseconds accept only their own shape', () => {
    expect(flag('false').schema.parse('true')).toBe(true);
    expect(flag('false').schema.safeParse('yes').success).toBe(false);
    expect(oneOf(['sqlite', 'postgres']).schema.safeParse('mysql').success).toBe(false);
    expect(host('127.0.0.1').schema.safeParse('0.0.0.0').success).toBe(true);
    expect(host('127.0.0.1').schema.safeParse('my host').success).toBe(false);
    expect(milliseconds('1500').schema.parse('50')).toBe(50);
    expect(milliseconds('1500').schema.safeParse('-5').success).toBe(false);
    expect(postgresUrl().schema.safeParse('postgres://u:p@db:5432/x').success).toBe(true);
    expect(postgresUrl().schema.safeParse('mysql://u:p@db/x').success).toBe(false);
  });

  it('memory sizes become bytes, in the notation Meilisearch reads', () => {
    const rule = byteSize('256MiB');
    for (const [text, bytes] of [
      ['256MiB', 268_435_456],
      ['256Mb', 256_000_000],
      ['1.5 GiB', 1_610_612_736],
      ['268435456', 268_435_456],
      ['512kib', 524_288],
      ['2GB', 2e9],
    ] as const) {
      expect(rule.schema.parse(text), text).toBe(bytes);
    }
    for (const bad of ['', '0', '0MiB', '-1GiB', '256 XB', 'lots', '1,5GiB', 'MiB'])
      expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });

  it('counts are whole numbers from 1', () => {
    const rule = count('a number of threads like 2');
    expect(rule.schema.parse('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two']) expect(rule.schema.safeParse(bad).success, bad).toBe(false);
  });
});
