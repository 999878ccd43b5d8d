import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnChild, waitForHttp, type Child } from '@stackguide/test-kit';
import { SITE_ROOT } from './site-build.ts';

/** Where Debian's nginx-light puts nginx (docker-compose's site image installs the same package). */
const SBIN = '/usr/sbin';
export const NGINX_INSTALLED = fs.existsSync(path.join(SBIN, 'nginx'));

export type Nginx = { url: string; lines: string[]; stop(): Promise<void> };

/** `text` with `from` replaced by `to`; throws when `from` is not there (the real config changed shape). */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`site/docker/nginx.conf no longer contains "${from}": update site/test/nginx.ts`);
  return text.replaceAll(from, to);
}

/**
 * docker-compose's own nginx configuration (site/docker/nginx.conf) with only its addresses moved
 * onto this machine: the builds in `buildsDir`, a free port, the site server at `siteUrl` for the
 * routes nginx passes on, its pid and temporary files in a fresh directory. Returns the file.
 */
async function localConfig(buildsDir: string, siteUrl: string): Promise<{ file: string; dir: string; port: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-nginx-'));
  // Run as root, nginx's workers read the builds as nobody.
  fs.chmodSync(buildsDir, 0o755);
  const port = await freePort();
  let config = fs.readFileSync(path.join(SITE_ROOT, 'docker', 'nginx.conf'), 'utf8');
  config = swap(config, '/app/site/.builds/current', path.join(buildsDir, 'current'));
  config = swap(config, 'listen 8080;', `listen 127.0.0.1:${port};`);
  config = swap(config, 'pid /tmp/nginx.pid;', `pid ${dir}/nginx.pid;`);
  // The container writes the build's security headers there at start; these tests are about redirects.
  fs.writeFileSync(path.join(dir, 'headers.conf'), '');
  config = swap(config, '/tmp/nginx-site-headers.conf', `${dir}/headers.conf`);
  // Nothing listens there: nginx resolves upstream names at start, and search-sync is not under test.
  config = swap(config, 'http://search-sync:7710', `http://127.0.0.1:${await freePort()}`);
  config = swap(config, 'http://127.0.0.1:4321', siteUrl);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('');
  config = swap(config, 'http {\n', `http {\n${temp}`);
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config);
  return { file, dir, port };
}

const ENV = { PATH: `${process.env.PATH}:${SBIN}`, HOME: process.env.HOME };

/**
 * What `nginx -t` says of that configuration with the builds in `buildsDir` (the map its `current`
 * build holds): exit code and output. Call only when NGINX_INSTALLED.
 */
export async function checkConfig(buildsDir: string): Promise<{ status: number | null; output: string }> {
  const { file, dir } = await localConfig(buildsDir, 'http://127.0.0.1:9');
  const run = spawnSync(path.join(SBIN, 'nginx'), ['-t', '-c', file, '-e', 'stderr'], { env: ENV, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * Runs nginx with docker-compose's configuration (see localConfig) in front of the real site
 * server's builds, and beside it the container's reload-on-switch.sh, which reloads nginx when the
 * site server switches builds. Call only when NGINX_INSTALLED.
 */
export async function startNginx(buildsDir: string, siteUrl: string): Promise<Nginx> {
  const { file, dir, port } = await localConfig(buildsDir, siteUrl);
  const lines: string[] = [];
  const onLine = (line: string) => lines.push(line);
  const nginx = spawnChild('nginx', path.join(SBIN, 'nginx'), ['-c', file, '-e', 'stderr', '-g', 'daemon off;'], { env: ENV, onLine });
  const children: Child[] = [nginx];
  const stop = async () => {
    for (const child of children) await child.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, { timeoutMs: 30_000, isAlive: () => nginx.alive() });
  } catch (err) {
    await stop();
    throw new Error(`nginx did not come up: ${err instanceof Error ? err.message : String(err)}\n${lines.join('\n')}`);
  }
  const script = path.join(SITE_ROOT, 'docker', 'reload-on-switch.sh');
  children.push(
    spawnChild('reload-on-switch', 'sh', [script, path.join(buildsDir, 'current'), '-c', file, '-e', 'stderr'], { env: ENV, onLine }),
  );
  return { url, lines, stop };
}
