import { type ContentChange, changeKey } from '../src/lib/snapshot.ts';
import type { BuildRequest } from './site-build.ts';

/**
 * The changes owed to the site until a build carries them: each entry once however often it
 * changed, or "everything" once a trigger could not say what changed, and whether a full build was
 * asked for. A failed build gives its changes back, so nothing asked for is lost to a retry.
 */
export class PendingChanges {
  #changes: Map<string, ContentChange> | 'all' = new Map();
  #full = false;

  /** Adds `changes` (null: unknown, so everything), and a full build when `full`. */
  add(changes: ContentChange[] | null, full = false): this {
    if (changes === null) this.#changes = 'all';
    else if (this.#changes !== 'all') for (const c of changes) this.#changes.set(changeKey(c), c);
    this.#full ||= full;
    return this;
  }

  /** Adds what `other` holds (a failed build's changes, given back). */
  addAll(other: PendingChanges): this {
    return this.add(other.#changes === 'all' ? null : [...other.#changes.values()], other.#full);
  }

  get full(): boolean {
    return this.#full;
  }

  /** What a build is asked to do about them. */
  request(): BuildRequest {
    return { changes: this.#changes === 'all' ? null : [...this.#changes.values()], full: this.#full };
  }
}
