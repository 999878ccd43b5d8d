import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCmsBuild, spawnChild, startStrapi, testSecrets, childEnv } from '@stackguide/test-kit';
import { BIN_DIR, CMS_DIR, WORK_DIR } from './paths.ts';

export type Secrets = ReturnType<typeof testSecrets>;
export type Fixture = { databaseFilename: string; secrets: Secrets; articles: number };

const FIXTURE_DIR = path.join(WORK_DIR, 'fixtures');
const SECRETS_FILE = path.join(FIXTURE_DIR, 'secrets.json');
const dbFile = (articles: number) => path.join(FIXTURE_DIR, `articles-${articles}.db`);

/** Environment every Strapi process (ours and the plugin's) gets: the fixture's secrets, SQLite, no root .env surprises. */
export function cmsEnv(secrets: Secrets, databaseFilename: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...childEnv(),
    ...secrets,
    DATABASE_CLIENT: 'sqlite',
    DATABASE_URL: '',
    DATABASE_FILENAME: databaseFilename,
    SEARCH_SYNC_URL: '',
    SEED_ON_START: 'true',
    STRAPI_LOG_LEVEL: 'warn',
    ...extra,
  };
}

function loadSecrets(): Secrets {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  if (fs.existsSync(SECRETS_FILE)) return JSON.parse(fs.readFileSync(SECRETS_FILE, 'utf8')) as Secrets;
  const secrets = testSecrets();
  fs.writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * A seeded SQLite database with `articles` generated published articles (0: the demo content alone),
 * cached under bench/.work/fixtures. Built incrementally from the largest smaller cached size,
 * because generating is the slowest step of a bench. Returns a fresh copy at `copyTo`, never the cache itself.
 * @throws Error with the generator's output when a step fails.
 */
export async function fixtureCopy(articles: number, copyTo: string, log: (line: string) => void = console.log): Promise<Fixture> {
  const secrets = loadSecrets();
  await ensureCmsBuild({ admin: false });
  const target = dbFile(articles);
  if (!fs.existsSync(target)) await buildFixture(articles, secrets, log);
  fs.mkdirSync(path.dirname(copyTo), { recursive: true });
  fs.copyFileSync(target, copyTo);
  return { databaseFilename: copyTo, secrets, articles };
}

/**
 * Folds the CMS's write-ahead log (cms/config/database.ts turns WAL on) into the database file and
 * leaves it in rollback-journal mode, so the file alone is the whole fixture when renamed and copied.
 */
function singleFile(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

async function buildFixture(articles: number, secrets: Secrets, log: (line: string) => void): Promise<void> {
  const base = dbFile(0);
  if (!fs.existsSync(base)) {
    log('fixtures: seeding an empty CMS database (Strapi boot)…');
    const tmp = `${base}.tmp`;
    fs.rmSync(tmp, { force: true });
    const strapi = await startStrapi({ env: cmsEnv(secrets, tmp), databaseFilename: tmp });
    await strapi.stop();
    singleFile(tmp);
    fs.renameSync(tmp, base);
  }
  if (articles === 0) return;
  const smaller =
    fs
      .readdirSync(FIXTURE_DIR)
      .map((f) => /^articles-(\d+)\.db$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .filter((n) => n < articles)
      .sort((a, b) => b - a)[0] ?? 0;
  const work = `${dbFile(articles)}.tmp`;
  fs.copyFileSync(dbFile(smaller), work);
  log(`fixtures: generating ${articles - smaller} articles on top of the ${smaller}-article database…`);
  const output: string[] = [];
  const child = spawnChild('generate', path.join(BIN_DIR, 'tsx'), ['scripts/generate.ts', '--articles', String(articles - smaller)], {
    cwd: CMS_DIR,
    env: cmsEnv(secrets, work),
    onLine: (line) => {
      output.push(line);
      if (output.length % 20 === 0 || /created|failed/.test(line)) log(`  ${line.trim()}`);
    },
  });
  const code = await child.exited;
  if (code !== 0) throw new Error(`generate failed (exit ${code}):\n${output.slice(-20).join('\n')}`);
  singleFile(work);
  fs.renameSync(work, dbFile(articles));
}
