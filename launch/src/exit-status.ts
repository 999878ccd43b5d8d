/** What `Child.exited` resolves with: the exit code, or the name of the signal that ended the process. */
export type ExitStatus = number | string;

/** True when a signal ended the process, rather than the process itself exiting. */
export const killedBySignal = (status: ExitStatus): boolean => typeof status === 'string' && status.startsWith('SIG');

/** How a process ended, in words that complete "meilisearch …": `exited with code 1`, `was killed by SIGKILL`. */
export function describeExit(status: ExitStatus): string {
  if (typeof status === 'number') return `exited with code ${status}`;
  if (killedBySignal(status)) return `was killed by ${status}`;
  return status === 'spawn-error' ? 'could not be started' : `ended (${status})`;
}
