import type { Db } from '@anchang/db'
import type { Logger } from './logger'
import { FailureThrottle } from './throttle'
import type { AppConfig, AppDeps } from './services/context'
import { DeviceTokens } from './services/auth/device-tokens'
import { RotationHub } from './services/rotation/hub'
import { WebhookDispatcher } from './services/notify/webhook'
import { ImportJobs } from './services/customers/import'
import { UnitFeed } from './services/units/feed'
import { ActivityFeed } from './services/reports/activity'

const MINUTE = 60_000
/** Welcome-back lookups one kiosk may make in ten minutes. */
export const WELCOME_LOOKUPS = 30

/** CONTRACT.md: 10 failures in a row lock a username; a client address only past 50 in 15 minutes. */
export function createThrottles(): AppDeps['throttles'] {
  return {
    loginUsername: new FailureThrottle({ mode: 'consecutive', limit: 10, lockMs: 15 * MINUTE }),
    loginClient: new FailureThrottle({
      mode: 'window',
      limit: 50,
      windowMs: 15 * MINUTE,
      lockMs: 15 * MINUTE,
    }),
    pairingClient: new FailureThrottle({
      mode: 'window',
      limit: 10,
      windowMs: 15 * MINUTE,
      lockMs: 15 * MINUTE,
    }),
    kioskPin: new FailureThrottle({ mode: 'consecutive', limit: 5, lockMs: 5 * MINUTE }),
    // Every lookup counts (none is taken back): 30 in 10 minutes is more than a kiosk's busiest hour.
    kioskWelcome: new FailureThrottle({
      mode: 'window',
      limit: WELCOME_LOOKUPS,
      windowMs: 10 * MINUTE,
      lockMs: 10 * MINUTE,
    }),
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
  const deps: AppDeps = {
    db: opts.db,
    log: opts.log,
    config: { sessionIdleMinutes: 720, allowPrivateWebhooks: false, ...opts.config },
    throttles: createThrottles(),
    clock: opts.clock ?? (() => new Date()),
    // The hub and the dispatcher read the clock through deps, so moving it (tests, the demo seed) moves theirs.
    rotation: new RotationHub(opts.db, opts.log, () => deps.clock()),
    webhooks: new WebhookDispatcher(opts.db, opts.log, () => deps.clock(), opts.postWebhook),
    devices: new DeviceTokens(opts.db),
    imports: new ImportJobs(),
    units: new UnitFeed(),
    activity: new ActivityFeed(),
  }
  return deps
}
