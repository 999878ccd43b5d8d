import { killAll, stopAll, type Child, describeExit, killedBySignal } from '@stackguide/launch';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { partOutput, type OutputOptions, type PartOutput } from './prefix.ts';
import { CrashHistory, RESTART_POLICY, type RestartPolicy } from './restart-policy.ts';
import { StartupError } from './startup-error.ts';

export type SupervisorOptions = OutputOptions & {
  /** Ends the orchestrator; injectable so tests can observe it. */
  exit: (code: number) => void;
  /** How long a child gets after SIGTERM before SIGKILL. */
  graceMs?: number;
  /** When a crashed part is restarted and when to give up (default RESTART_POLICY). */
  restartPolicy?: RestartPolicy;
  /** Signals this soon after the first are the same stop request, relayed (default 1 s). */
  repeatWindowMs?: number;
};

export type KeepOptions = {
  /** The likely fix when the part keeps exiting with an error code (a signal gets its own advice). */
  fix: string;
  /** Starts the part again as it was started; resolves once it is up, throws when it does not come up. */
  restart: () => Promise<Child>;
};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How a part ended: in words, the likely fix, and how long it had been up. */
type Crash = { cause: string; fix: string; upMs: number };

/**
 * Owns the children of `npm start`: gives each part its prefixed output and log, restarts a part that
 * crashes (with backoff, giving up after repeated crashes) while the others keep running, and stops
 * everything when a part fails to start, keeps crashing, or a stop signal arrives (a second one kills
 * at once), and then exits.
 */
export class Supervisor {
  private readonly outputs = new Map<string, PartOutput>();
  private readonly stopped = new AbortController();
  private readonly policy: RestartPolicy;
  private firstSignalAt: number | undefined;

  constructor(private readonly opts: SupervisorOptions) {
    this.policy = opts.restartPolicy ?? RESTART_POLICY;
  }

  /** True once shutdown has begun; failures after that are consequences, not causes. */
  get isStopping(): boolean {
    return this.stopped.signal.aborted;
  }

  /** The output channel (prefix + log file) of a part, created on first use. */
  output(part: string): PartOutput {
    let output = this.outputs.get(part);
    if (!output) {
      // Once shutdown starts, the dying words of children only go to their logs.
      const muted = part === 'stack' ? undefined : () => this.isStopping;
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

  /**
   * Keeps a part that is up running: when it exits, it is restarted after a backoff while the others
   * keep running; after repeated crashes `npm start` gives up, naming how it last ended.
   */
  keep(part: string, child: Child, opts: KeepOptions): void {
    const history = new CrashHistory(this.policy);
    const watch = (current: Child) => {
      const upSince = Date.now();
      void current.exited.then((status) => {
        const fix = killedBySignal(status)
          ? `something outside npm start sent it ${status} (a kill command, a process manager, or the kernel's out-of-memory killer: see \`dmesg\`); its log may say more`
          : opts.fix;
        return this.recover(part, history, { cause: describeExit(status), fix, upMs: Date.now() - upSince }, opts, watch);
      });
    };
    watch(child);
  }

  /** Restarts a part that crashed, with backoff, until it is up again or has crashed too often. */
  private async recover(
    part: string,
    history: CrashHistory,
    crash: Crash,
    opts: KeepOptions,
    watch: (child: Child) => void,
  ): Promise<void> {
    let { cause, fix, upMs } = crash;
    while (!this.isStopping) {
      const verdict = history.crashed(upMs);
      if (verdict.giveUp) {
        const message = `${part} ${cause}: crash ${verdict.crashes} in a row without staying up ${this.policy.stableMs / 1000} s in between, so npm start gives up`;
        return this.fail(new StartupError(part, message, fix));
      }
      this.say(`${part} ${cause}; restarting it in ${verdict.delayMs / 1000} s (crash ${verdict.crashes}; the other parts keep running)`);
      try {
        await sleep(verdict.delayMs, undefined, { signal: this.stopped.signal });
        if (this.isStopping) return;
        const child = await opts.restart();
        if (this.isStopping) return;
        this.say(`${part} is back up`);
        return watch(child);
      } catch (err) {
        if (this.isStopping) return;
        cause = `did not come back up: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
        fix = opts.fix;
        upMs = 0;
      }
    }
  }

  /** Reports why start-up failed (part, its log, likely fix), stops every child and exits 1. */
  async fail(error: unknown): Promise<void> {
    if (this.isStopping) return;
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
    if (this.isStopping) return;
    this.stopped.abort();
    // Only the orchestrator's own output exists when it fails before starting anything.
    const startedParts = this.outputs.size > 1;
    if (startedParts) this.say('stopping every part…');
    await stopAll(this.opts.graceMs);
    if (startedParts) this.say('all parts stopped');
    for (const output of this.outputs.values()) output.close();
    this.opts.exit(code);
  }

  /**
   * First signal: orderly shutdown, exit 0. Another one: SIGKILL every process group, exit 128 + the
   * signal's number — unless it comes within the repeat window, because one Ctrl-C or `docker stop`
   * can arrive several times (the terminal signals npm and this process alike, and npm relays it).
   */
  onSignal(signal: NodeJS.Signals): void {
    const now = Date.now();
    if (!this.isStopping) {
      this.firstSignalAt = now;
      this.say(`${signal} received; stopping every part (send it again, e.g. Ctrl-C, to kill them at once)`);
      void this.shutdown(0);
      return;
    }
    if (this.firstSignalAt !== undefined && now - this.firstSignalAt < (this.opts.repeatWindowMs ?? 1_000)) return;
    this.say(`${signal} received again; killing every part`);
    killAll();
    this.opts.exit(128 + (os.constants.signals[signal] ?? 0));
  }

  /** Routes SIGINT, SIGTERM and SIGHUP (terminal closed) to onSignal. */
  installSignalHandlers(): void {
    for (const signal of SIGNALS) process.on(signal, () => this.onSignal(signal));
  }
}
