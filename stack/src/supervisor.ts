import { killAll, stopAll, type Child } from './child.ts';
import { partOutput, type OutputOptions, type PartOutput } from './prefix.ts';
import { StartupError } from './startup-error.ts';

export type SupervisorOptions = OutputOptions & {
  /** Ends the orchestrator; injectable so tests can observe it. */
  exit: (code: number) => void;
  /** How long a child gets after SIGTERM before SIGKILL. */
  graceMs?: number;
};

/**
 * Owns the children of `npm start`: gives each part its prefixed output and log, stops everything when a
 * part fails, dies, or the user presses Ctrl-C (a second Ctrl-C kills at once), and then exits.
 */
export class Supervisor {
  private readonly outputs = new Map<string, PartOutput>();
  private stopping = false;

  constructor(private readonly opts: SupervisorOptions) {}

  /** True once shutdown has begun; failures after that are consequences, not causes. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** The output channel (prefix + log file) of a part, created on first use. */
  output(part: string): PartOutput {
    let output = this.outputs.get(part);
    if (!output) {
      // Once shutdown starts, the dying words of children only go to their logs.
      const muted = part === 'stack' ? undefined : () => this.stopping;
      output = partOutput(part, { ...this.opts, muted });
      this.outputs.set(part, output);
    }
    return output;
  }

  /** Prints a line of the orchestrator's own. */
  say(text: string): void {
    const output = this.output('stack');
    for (const line of text.split('\n')) output.line(line);
  }

  /** Treats the child's exit as a failure of `part` unless we are already shutting down. */
  watch(part: string, child: Child, fix: string): void {
    void child.exited.then((code) => {
      if (this.stopping) return;
      // Whatever the dead leader spawned is still in its group, and stopAll no longer tracks it.
      killGroup(child);
      const error = new StartupError(part, `${part} exited unexpectedly (exit ${code})`, fix);
      return this.fail(error);
    });
  }

  /** Reports why start-up failed (part, its log, likely fix), stops every child and exits 1. */
  async fail(error: unknown): Promise<void> {
    if (this.stopping) return;
    if (error instanceof StartupError) {
      this.say(`✖ ${error.message}`);
      if (error.part !== 'stack') this.say(`  its log: ${this.output(error.part).logFile}`);
      this.say(`  likely fix: ${error.fix}`);
    } else {
      this.say(`✖ ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.shutdown(1);
  }

  /** Stops every child (SIGTERM to each process group, SIGKILL after the grace period), then exits. */
  async shutdown(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    // Only the orchestrator's own output exists when it fails before starting anything.
    const startedParts = this.outputs.size > 1;
    if (startedParts) this.say('stopping every part…');
    await stopAll(this.opts.graceMs);
    if (startedParts) this.say('all parts stopped');
    for (const output of this.outputs.values()) output.close();
    this.opts.exit(code);
  }

  /** First signal: orderly shutdown, exit 0. Second: SIGKILL every process group, exit 130. */
  onSignal(signal: NodeJS.Signals): void {
    if (!this.stopping) {
      this.say(`${signal} received (press Ctrl-C again to kill at once)`);
      void this.shutdown(0);
      return;
    }
    killAll();
    this.opts.exit(130);
  }

  /** Routes SIGINT and SIGTERM to onSignal. */
  installSignalHandlers(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => this.onSignal(signal));
  }
}

function killGroup(child: Child): void {
  if (child.process.pid === undefined) return;
  try {
    process.kill(-child.process.pid, 'SIGKILL');
  } catch {
    // Nothing of the group is left.
  }
}
