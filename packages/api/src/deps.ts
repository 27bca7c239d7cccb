import type { Db } from '@anchang/db'
import type { AppConfig, AppDeps } from './context'
import type { Logger } from './logger'
import { FailureThrottle } from './throttle'

const MINUTE = 60_000

/** CONTRACT.md: 10 failures in a row lock a username; a client address only past 50 in 15 minutes. */
export function createThrottles(): AppDeps['throttles'] {
  return {
    loginUsername: new FailureThrottle({ mode: 'consecutive', limit: 10, lockMs: 15 * MINUTE }),
    loginClient: new FailureThrottle({ mode: 'window', limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }),
    pairingClient: new FailureThrottle({ mode: 'window', limit: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }),
  }
}

export function createDeps(opts: { db: Db; log: Logger; config?: Partial<AppConfig>; clock?: () => Date }): AppDeps {
  return {
    db: opts.db,
    log: opts.log,
    config: { sessionIdleMinutes: 720, ...opts.config },
    throttles: createThrottles(),
    clock: opts.clock ?? (() => new Date()),
  }
}
