/**
 * Counts failures per key and says how long the key must wait.
 * `consecutive`: `limit` failures in a row lock the key for `lockMs`; a success clears the count.
 * `window`: `limit` failures within `windowMs` lock the key for `lockMs`; successes do not clear it.
 * Kept in memory: a restart forgives, which is acceptable for throttling and keeps failed
 * sign-ins from costing a disk write each.
 */
export class FailureThrottle {
  private readonly entries = new Map<string, { count: number; since: number; lockedUntil: number }>()

  constructor(
    private readonly opts: { mode: 'consecutive' | 'window'; limit: number; lockMs: number; windowMs?: number },
  ) {}

  /** Milliseconds the key must still wait; 0 when it may try. */
  retryAfter(key: string, now: number): number {
    const entry = this.entries.get(key)
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0
  }

  fail(key: string, now: number): void {
    let entry = this.entries.get(key)
    if (!entry || this.isStale(entry, now)) {
      entry = { count: 0, since: now, lockedUntil: 0 }
      this.entries.set(key, entry)
    }
    entry.count += 1
    if (entry.count >= this.opts.limit) entry.lockedUntil = now + this.opts.lockMs
    if (this.entries.size > 10_000) this.prune(now)
  }

  succeed(key: string): void {
    if (this.opts.mode === 'consecutive') this.entries.delete(key)
  }

  private isStale(entry: { since: number; lockedUntil: number }, now: number): boolean {
    if (entry.lockedUntil) return entry.lockedUntil <= now
    return this.opts.mode === 'window' && now - entry.since > (this.opts.windowMs ?? 0)
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) if (this.isStale(entry, now)) this.entries.delete(key)
  }
}

export const minutesToWait = (ms: number) => Math.max(1, Math.ceil(ms / 60_000))
