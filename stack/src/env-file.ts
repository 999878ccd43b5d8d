import fs from 'node:fs';
import { parseEnv } from 'node:util';
import { SECRET_GENERATORS } from './secrets.ts';

export type EnvFiles = { envFile: string; exampleFile: string };

export type EnvFileResult = {
  /** True when the file did not exist and was written from the example. */
  created: boolean;
  /** Secret variables that were missing or empty in an existing file and got generated. */
  added: string[];
};

const HEADER =
  '# Written by `npm start` with fresh random secrets. Keep it private and out of git; edit freely,\n' +
  '# `npm start` never overwrites it (it only adds secrets that are missing).\n';

const emptyAssignment = (name: string) => new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=[ \\t]*(?:""|'')?[ \\t]*$`, 'm');

/**
 * Makes sure the `.env` file exists and holds every generated secret. A new file is the example with
 * fresh secrets filled in (mode 0600). An existing file is never rewritten wholesale: a secret it lacks
 * is appended, an empty one is filled in; everything else stays as the user wrote it.
 * @throws Error when the example file cannot be read or the env file cannot be written.
 */
export function ensureEnvFile(files: EnvFiles): EnvFileResult {
  const example = fs.readFileSync(files.exampleFile, 'utf8');
  if (!fs.existsSync(files.envFile)) {
    const text = HEADER + fillSecrets(example, Object.keys(SECRET_GENERATORS));
    // 'wx' fails instead of clobbering a file another process created in the meantime.
    fs.writeFileSync(files.envFile, text, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(files.envFile, 0o600);
    return { created: true, added: [] };
  }
  const current = fs.readFileSync(files.envFile, 'utf8');
  const values = parseEnv(current);
  const missing = Object.keys(SECRET_GENERATORS).filter((name) => !values[name]);
  if (missing.length === 0) return { created: false, added: [] };
  fs.writeFileSync(files.envFile, fillSecrets(current, missing, '# Added by `npm start`: a secret this file lacked.'));
  return { created: false, added: missing };
}

/** Fills `NAME=` lines of the given secrets in place and appends those with no line at all. */
function fillSecrets(text: string, names: string[], appendComment?: string): string {
  let result = text;
  const appended: string[] = [];
  for (const name of names) {
    const generate = SECRET_GENERATORS[name];
    if (!generate) continue;
    const pattern = emptyAssignment(name);
    if (pattern.test(result)) result = result.replace(pattern, `${name}=${generate()}`);
    else appended.push(`${name}=${generate()}`);
  }
  if (appended.length === 0) return result;
  const separator = result.endsWith('\n') || result === '' ? '' : '\n';
  const comment = appendComment ? `${appendComment}\n` : '';
  return `${result}${separator}${comment}${appended.join('\n')}\n`;
}
