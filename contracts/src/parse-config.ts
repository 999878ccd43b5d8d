import type { z } from 'zod';
import type { EnvRule } from './env-rules.ts';
import { VARIABLES, type VariableName } from './variables.ts';

/** Environment variables as a process sees them. */
export type Env = Record<string, string | undefined>;

/** One or more variables are missing or malformed; `problems` has one line per variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration (set these in .env or the environment):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Which variables a process reads: `required` ones must end up with a value (a rule's default
 * counts), `optional` ones may stay undefined.
 */
export type ConfigSpec = Partial<Record<VariableName, 'required' | 'optional'>>;

type Value<N extends VariableName> = z.output<(typeof VARIABLES)[N]['schema']>;

export type ConfigValues<S extends ConfigSpec> = {
  -readonly [N in keyof S & VariableName]: S[N] extends 'optional' ? Value<N> | undefined : Value<N>;
};

/**
 * Reads the variables in `spec` from `env` by their rules: empty counts as unset, unset takes the
 * rule's default.
 * @throws ConfigError naming every missing or malformed variable and what it should look like
 *   (secrets' values are never repeated).
 */
export function parseConfig<const S extends ConfigSpec>(spec: S, env: Env): ConfigValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, need] of Object.entries(spec) as [VariableName, 'required' | 'optional'][]) {
    const rule: EnvRule<unknown> = VARIABLES[name];
    const given = env[name] || rule.default;
    if (given === undefined) {
      if (need === 'required') problems.push(`${name} is required: ${rule.expect}`);
      values[name] = undefined;
      continue;
    }
    const parsed = rule.schema.safeParse(given);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name} must be ${rule.expect}${rule.secret ? '' : ` (got ${JSON.stringify(given)})`}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigValues<S>;
}
