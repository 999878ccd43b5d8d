/**
 * When a crashed part is restarted and when `npm start` gives up on it. Crashes count while the part
 * never stays up for `stableMs` in between: a quick crash loop ends after `maxCrashes` crashes, and so
 * does a slow one (Strapi crashing each time after a minute of booting), while a part that crashes
 * now and then is restarted every time.
 */
export type RestartPolicy = {
  maxCrashes: number;
  stableMs: number;
  /** Wait before the first restart; it doubles with each crash in a row, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
};

export const RESTART_POLICY: RestartPolicy = { maxCrashes: 5, stableMs: 60_000, firstDelayMs: 1_000, maxDelayMs: 30_000 };

export type CrashVerdict = { crashes: number; giveUp: boolean; delayMs: number };

/** The crash count of one part. */
export class CrashHistory {
  private crashes = 0;

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {}

  /** Records a crash after `upMs` of running (0 when it never came up) and says what to do. */
  crashed(upMs: number): CrashVerdict {
    if (upMs >= this.policy.stableMs) this.crashes = 0;
    this.crashes++;
    const delayMs = Math.min(this.policy.firstDelayMs * 2 ** (this.crashes - 1), this.policy.maxDelayMs);
    return { crashes: this.crashes, giveUp: this.crashes >= this.policy.maxCrashes, delayMs };
  }
}
