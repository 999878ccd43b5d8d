import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';

/**
 * Deletes a directory tree in a child process at the lowest CPU priority (`nice rm -rf`), falling
 * back to `fs.rm` where those commands are missing. A build holds one file per page: Node's own
 * recursive removal walks every entry on the event loop, which then answers requests late, and
 * at normal priority it slows the build running beside it.
 */
export async function removeTree(dir: string): Promise<void> {
  const removed = await new Promise<boolean>((resolve) => {
    const child = spawn('nice', ['-n', '19', 'rm', '-rf', '--', dir], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
  if (!removed) await fs.rm(dir, { recursive: true, force: true });
}
