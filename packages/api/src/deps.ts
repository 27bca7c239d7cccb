import type { Db } from '@anchang/db'
import type { AppConfig, AppDeps } from './context'
import type { Logger } from './logger'
import { FailureThrottle } from './throttle'
import { RotationHub } from './services/rotation/hub'
import { WebhookDispatcher } from './services/notify/webhook'

const MINUTE = 60_000

/** CONTRACT.md: 10 failures in a row lock a username; a client address only past 50 in 15 minutes. */
export function createThrottles(): AppDeps['throttles'] {
  return {
    loginUsername: new FailureThrottle({ mode: 'consecutive', limit: 10, lockMs: 15 * MINUTE }),
    loginClient: new FailureThrottle({ mode: 'window', limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }),
    pairingClient: new FailureThrottle({ mode: 'window', limit: 10, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }),
    kioskPin: new FailureThrottle({ mode: 'consecutive', limit: 5, lockMs: 5 * MINUTE }),
  }
}

export function createDeps(opts: {
  db: Db
  log: Logger
  config?: Partial<AppConfig>
  clock?: () => Date
  /** Replaces the HTTP post of webhook deliveries (tests). */
  postWebhook?: (url: string, body: unknown) => Promise<void>
}): AppDeps {
  const clock = opts.clock ?? (() => new Date())
  return {
    db: opts.db,
    log: opts.log,
    config: { sessionIdleMinutes: 720, ...opts.config },
    throttles: createThrottles(),
    clock,
    rotation: new RotationHub(opts.db, opts.log),
    webhooks: new WebhookDispatcher(opts.db, opts.log, clock, opts.postWebhook),
  }
}
