import fs from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { EnvRule } from './env-rules.ts';
import { VARIABLES } from './variables.ts';

const example = parseEnv(fs.readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));
const rules = Object.entries(VARIABLES) as [string, EnvRule<unknown>][];

describe('.env.example', () => {
  it('documents exactly the variables the rules know', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(VARIABLES).sort());
  });

  it.each(rules)('%s: same default as its rule, and a valid one', (name, rule) => {
    const value = example[name];
    if (rule.default !== undefined) {
      expect(value).toBe(rule.default);
      expect(rule.schema.safeParse(rule.default).success).toBe(true);
    } else if (rule.secret) {
      expect(value, 'secrets are never committed').toBe('');
    } else if (value) {
      // No default (empty means off), but new .env files start with this value.
      expect(rule.schema.safeParse(value).success).toBe(true);
    }
  });
});
