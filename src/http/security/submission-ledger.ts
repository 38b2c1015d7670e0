/** Where a finished submission sent the browser; replayed to a second submission of the same form. */
export interface SubmissionOutcome {
  status: number;
  location: string;
}

interface Entry {
  /** Set once the first submission succeeded; until then later ones wait on `settled`. */
  outcome?: SubmissionOutcome;
  settled: Promise<SubmissionOutcome | undefined>;
  expiresAt: number;
}

export type LedgerClaim = { replay: SubmissionOutcome } | { settle: (outcome: SubmissionOutcome | undefined) => void };

/**
 * Remembers, per form token, how its submission ended, so the same form posted twice stores once.
 * In memory and bounded: a replay older than `ttlMs`, or pushed out by `maxEntries` newer ones, runs again.
 */
export class SubmissionLedger {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The earlier outcome for `key` (waiting while that submission is still running), or, when there is
   * none, the right to run: call `settle` with the outcome to remember, or `undefined` to forget the try.
   * @example
   * const claim = await ledger.claim(token)
   * if ('replay' in claim) res.redirect(claim.replay.status, claim.replay.location)
   */
  async claim(key: string): Promise<LedgerClaim> {
    for (;;) {
      const entry = this.#live(key);
      if (!entry) return { settle: this.#begin(key) };
      if (entry.outcome) return { replay: entry.outcome };
      const outcome = await entry.settled;
      if (outcome) return { replay: outcome };
      // The first try failed (a 422, a 503): this one is a fresh try, and may itself be waited on.
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #begin(key: string): (outcome: SubmissionOutcome | undefined) => void {
    let resolve!: (outcome: SubmissionOutcome | undefined) => void;
    const entry: Entry = { settled: new Promise((r) => (resolve = r)), expiresAt: this.#now() + this.#ttlMs };
    this.#entries.set(key, entry);
    this.#prune();
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      const current = this.#entries.get(key) === entry;
      if (outcome && current) {
        entry.outcome = outcome;
        entry.expiresAt = this.#now() + this.#ttlMs;
      } else if (current) {
        this.#entries.delete(key);
      }
      resolve(outcome);
    };
  }

  /** Entries are in insertion order, so the oldest go first; waiters of an evicted entry still get its outcome. */
  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && entry.expiresAt > now) break;
      this.#entries.delete(key);
    }
  }
}
