import { z } from 'zod';

/**
 * How one environment variable is read. The value reaching `schema` is never empty: an empty
 * variable counts as unset, so it gets `default` (or is missing when there is none).
 */
export type EnvRule<T> = {
  schema: z.ZodType<T>;
  /** What a valid value looks like; error messages say "NAME must be <expect>". */
  expect: string;
  /** The value when unset or empty, written as it would be in `.env`. */
  default?: string;
  /** Never echoed in error messages. */
  secret?: boolean;
};

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Milliseconds in a duration like `30s`, `10m`, `1h` or `500ms`; undefined when it is not one. */
function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+)\s*(ms|s|m|h)\s*$/.exec(text);
  const amount = Number(match?.[1]);
  const unit = DURATION_UNITS[match?.[2] ?? ''];
  return unit !== undefined && amount > 0 ? amount * unit : undefined;
}

const withDefault = <T>(rule: EnvRule<T>, value: string | undefined): EnvRule<T> =>
  value === undefined ? rule : { ...rule, default: value };

/** A TCP port, 1-65535. */
export const port = (value: string): EnvRule<number> => ({
  schema: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(65_535)),
  expect: `a port number (1-65535) like ${value}`,
  default: value,
});

/** An http(s) URL; trailing slashes are dropped so paths can be appended. */
export const httpUrl = (example: string, value?: string): EnvRule<string> =>
  withDefault(
    {
      schema: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
      expect: `an http(s) URL like ${example}`,
    },
    value,
  );

/** A host name or IP address to listen on. */
export const host = (value: string): EnvRule<string> => ({
  schema: z.string().regex(/^[\w.:[\]-]+$/),
  expect: `a host name or IP address like ${value}`,
  default: value,
});

/** Free text such as a name or a path (relative paths resolve from the repository root). */
export const text = (expect: string, value?: string): EnvRule<string> => withDefault({ schema: z.string(), expect }, value);

/** A secret of at least `min` characters; `expect` says what it is. */
export const secret = (min: number, expect: string): EnvRule<string> => ({ schema: z.string().min(min), expect, secret: true });

/** A PostgreSQL connection URL; secret, as it usually holds the password. */
export const postgresUrl = (): EnvRule<string> => ({
  schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
  expect: 'a PostgreSQL connection URL like postgres://user:password@127.0.0.1:5432/stackguide',
  secret: true,
});

/** `true` or `false`. */
export const flag = (value: 'true' | 'false'): EnvRule<boolean> => ({
  schema: z.enum(['true', 'false']).transform((v) => v === 'true'),
  expect: 'true or false',
  default: value,
});

/** One of a fixed list of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, value?: T[number]): EnvRule<T[number]> =>
  withDefault({ schema: z.enum(values), expect: `one of ${values.join(', ')}` }, value);

/** A duration like 30s, 10m or 1h, as milliseconds. */
export const duration = (value: string): EnvRule<number> => ({
  schema: z
    .string()
    .refine((v) => parseDuration(v) !== undefined)
    .transform((v) => parseDuration(v)!),
  expect: 'a positive duration like 30s, 10m or 1h',
  default: value,
});

/** A step a clock can repeat exactly: whole seconds dividing a minute (1s…30s) or whole minutes dividing an hour (1m…1h). */
function clockStep(ms: number | undefined): boolean {
  if (ms === undefined || ms % 1_000 !== 0) return false;
  return ms < 60_000 ? 60_000 % ms === 0 : ms % 60_000 === 0 && 3_600_000 % ms === 0;
}

/** A duration like 1m, 10s or 15m that divides a minute or an hour evenly (a cron step), as milliseconds. */
export const clockInterval = (value: string): EnvRule<number> => ({
  schema: z
    .string()
    .refine((v) => clockStep(parseDuration(v)))
    .transform((v) => parseDuration(v)!),
  expect: `a duration that divides a minute or an hour evenly, like ${value}, 10s or 15m`,
  default: value,
});

/** A whole number of milliseconds, 0 or more. */
export const milliseconds = (value: string): EnvRule<number> => ({
  schema: z.string().regex(/^\d+$/).transform(Number),
  expect: `a whole number of milliseconds like ${value}`,
  default: value,
});

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes in a size like `256MiB`, `1.5 GB` or `268435456`; undefined when it is not one. */
function parseBytes(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = BYTE_UNITS[match?.[2]?.toLowerCase() ?? 'none'];
  const bytes = unit === undefined ? undefined : Math.floor(Number(match?.[1]) * unit);
  return bytes !== undefined && bytes > 0 ? bytes : undefined;
}

/**
 * A memory size, as bytes: a number with an optional unit (B, KB, MB, GB, TB, KiB, MiB, GiB,
 * TiB; any case; KB = 1000 B, KiB = 1024 B). Meilisearch reads the same notation, so a value
 * passed on to it unchanged means the same there.
 */
export const byteSize = (value: string): EnvRule<number> => ({
  schema: z
    .string()
    .refine((v) => parseBytes(v) !== undefined)
    .transform((v) => parseBytes(v)!),
  expect: `a memory size like ${value} (a number with B, KB, MB, GB, KiB, MiB or GiB)`,
  default: value,
});

/** A whole number from 1 up; `expect` says what it counts. */
export const count = (expect: string, value?: string): EnvRule<number> =>
  withDefault({ schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1)), expect }, value);

/** An e-mail address. */
export const email = (value: string): EnvRule<string> => ({ schema: z.email(), expect: `an e-mail address like ${value}`, default: value });
