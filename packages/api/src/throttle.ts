/**
 * Counts attempts per key and says how long the key must wait.
 * `consecutive`: `limit` failures in a row lock the key for `lockMs`; a success clears the count.
 * `window`: `limit` failures within `windowMs` lock the key for `lockMs`; a success is not counted.
 *
 * An attempt counts as a failure from the moment it begins until it succeeds, so guesses sent
 * together (one batch, a burst of parallel requests) meet the lock exactly as guesses sent one by
 * one do: no attempt is judged once `limit` others are counted ahead of it.
 * Kept in memory: a restart forgives, which is acceptable for throttling and keeps failed
 * sign-ins from costing a disk write each.
 */
const DAY_MS = 86_400_000

export class FailureThrottle {
  private readonly entries = new Map<
    string,
    { count: number; since: number; last: number; lockedUntil: number }
  >()

  constructor(
    private readonly opts: {
      mode: 'consecutive' | 'window'
      limit: number
      lockMs: number
      windowMs?: number
    },
  ) {}

  /**
   * Begins an attempt: answers the milliseconds the key must still wait (and counts nothing), or 0
   * when it may try, the attempt now counted as a failure until `succeed` says otherwise.
   */
  attempt(key: string, now: number): number {
    let entry = this.entries.get(key)
    if (entry && entry.lockedUntil > now) return entry.lockedUntil - now
    if (!entry || this.isStale(entry, now)) {
      entry = { count: 0, since: now, last: now, lockedUntil: 0 }
      this.entries.set(key, entry)
    }
    entry.count += 1
    entry.last = now
    if (entry.count >= this.opts.limit) entry.lockedUntil = now + this.opts.lockMs
    if (this.entries.size > 10_000) this.prune(now)
    return 0
  }

  /** The attempt succeeded: in a row, the count starts over; in a window, this attempt is taken back. */
  succeed(key: string): void {
    if (this.opts.mode === 'consecutive') {
      this.entries.delete(key)
      return
    }
    const entry = this.entries.get(key)
    if (!entry) return
    entry.count = Math.max(0, entry.count - 1)
    if (entry.count < this.opts.limit) entry.lockedUntil = 0
  }

  private isStale(entry: { since: number; lockedUntil: number }, now: number): boolean {
    if (entry.lockedUntil) return entry.lockedUntil <= now
    return this.opts.mode === 'window' && now - entry.since > (this.opts.windowMs ?? 0)
  }

  /** Many keys (a spray of usernames): forget the expired ones and those untouched for a day. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= now && (this.isStale(entry, now) || now - entry.last > DAY_MS))
        this.entries.delete(key)
    }
  }
}

export const minutesToWait = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))
