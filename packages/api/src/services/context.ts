/**
 * What a service verb is given, below the tRPC layer: who acts, the clock's reading, the database
 * and the long-lived parts of the server. A verb runs the same from a router, a script, a scheduled
 * job or a test; it throws `DomainError`s, which only the tRPC boundary turns into tRPC errors.
 */
import type { Db } from '@anchang/db'
import type { DeviceKind, Locale, Role } from '@anchang/shared'
import type { Logger } from '../logger'
import type { FailureThrottle } from '../throttle'
import type { DeviceTokens } from './auth/device-tokens'
import type { RotationHub } from './rotation/hub'
import type { WebhookDispatcher } from './notify/webhook'
import type { ImportJobs } from './customers/import'
import type { UnitFeed } from './units/feed'
import type { ActivityFeed } from './reports/activity'

export interface AppConfig {
  sessionIdleMinutes: number
  /** Webhook URLs may name loopback or private addresses (an office's own robot on its LAN). */
  allowPrivateWebhooks: boolean
}

export interface Throttles {
  loginUsername: FailureThrottle
  loginClient: FailureThrottle
  pairingClient: FailureThrottle
  /** Kiosk PIN entry, per device: five wrong PINs in a row lock it for five minutes. */
  kioskPin: FailureThrottle
  /** Welcome-back lookups, per device: a busy hour's worth, then strangers' questions for everyone. */
  kioskWelcome: FailureThrottle
}

/** The server's long-lived parts, made once at start (deps.ts) and shared by every call. */
export interface AppDeps {
  db: Db
  log: Logger
  config: AppConfig
  throttles: Throttles
  /** The only source of time: tests and the demo seed move it. */
  clock: () => Date
  rotation: RotationHub
  webhooks: WebhookDispatcher
  devices: DeviceTokens
  /** Spreadsheet imports under way (nothing of them is in the book until confirmed). */
  imports: ImportJobs
  /** Every unit's change of status, to the grid screens of its project. */
  units: UnitFeed
  /** That a project changed (every audited write): what the live dashboard re-reads on. */
  activity: ActivityFeed
}

export interface SessionUser {
  id: string
  username: string
  name: string
  role: Role
}

export interface DeviceIdentity {
  id: string
  kind: DeviceKind
  projectId: string
  name: string
}

export type UserActor = { type: 'user'; user: SessionUser; sessionId: string; projectIds: string[] }
export type DeviceActor = { type: 'device'; device: DeviceIdentity }
export type Actor = { type: 'anonymous' } | UserActor | DeviceActor

export interface ServiceContext {
  deps: AppDeps
  db: Db
  /** The clock read once when the call began: every time a verb writes or compares comes from here. */
  now: Date
  actor: Actor
  locale: Locale
  /** Ties the audit entry and the log lines of one call together. */
  requestId: string
  ip: string
  userAgent: string | null
}

export type UserServiceContext = ServiceContext & { actor: UserActor }
export type DeviceServiceContext = ServiceContext & { actor: DeviceActor }

/** A context for work the server does itself (seeding history, a script), as `actor` at `now`. */
export function serviceContext<A extends Actor>(
  deps: AppDeps,
  actor: A,
  now: Date = deps.clock(),
): ServiceContext & { actor: A } {
  return { deps, db: deps.db, now, actor, locale: 'zh-CN', requestId: 'internal', ip: '', userAgent: null }
}
