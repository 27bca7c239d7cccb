import { and, eq, gt, isNull } from 'drizzle-orm'
import { devices, projectMembers, sessions, sha256, users, type Db } from '@anchang/db'
import type { DeviceKind, Locale, Role } from '@anchang/shared'
import type { Logger } from './logger'
import { prepared } from './prepared'
import type { FailureThrottle } from './throttle'
import type { RotationHub } from './services/rotation/hub'
import type { WebhookDispatcher } from './services/notify/webhook'

export const SESSION_COOKIE = 'anchang_session'
/** Last-seen times are written at most this often, so reading does not cost a disk sync per request. */
const TOUCH_EVERY_MS = 60_000

export interface AppConfig {
  sessionIdleMinutes: number
}

export interface Throttles {
  loginUsername: FailureThrottle
  loginClient: FailureThrottle
  pairingClient: FailureThrottle
  /** Kiosk PIN entry, per device: five wrong PINs in a row lock it for five minutes. */
  kioskPin: FailureThrottle
}

export interface AppDeps {
  db: Db
  log: Logger
  config: AppConfig
  throttles: Throttles
  clock: () => Date
  rotation: RotationHub
  webhooks: WebhookDispatcher
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

export type Actor =
  | { type: 'anonymous' }
  | { type: 'user'; user: SessionUser; sessionId: string; projectIds: string[] }
  | { type: 'device'; device: DeviceIdentity }

/** What one request brings, whatever carried it (HTTP, SSE, or a test). */
export interface RequestCredentials {
  sessionToken?: string | null
  bearerToken?: string | null
  ip: string
  userAgent?: string | null
  locale: Locale
  requestId: string
  /** Mark the cookie Secure: the request came over HTTPS. */
  secure?: boolean
  /** Where Set-Cookie headers go; absent outside HTTP. */
  setCookie?: (header: string) => void
}

export interface Context {
  deps: AppDeps
  db: Db
  now: Date
  locale: Locale
  requestId: string
  ip: string
  userAgent: string | null
  actor: Actor
  /** A credential was presented and refused: word the error as "session ended", not "sign in". */
  credentialRefused: boolean
  session: {
    /** Sends the session cookie holding `token`. */
    issue(token: string): void
    clear(): void
  }
  /** Filled by services where the audit entry's project or actor is not in the input. */
  audit: {
    projectId?: string | null
    actor?: SessionUser
    /** The mutation being served, for a service that writes the entry inside its own transaction. */
    pending?: { action: string; input: unknown }
    written?: boolean
  }
}

export function createContext(deps: AppDeps, creds: RequestCredentials): Context {
  const now = deps.clock()
  const { actor, refused } = resolveActor(deps, creds, now)
  const cookie = (value: string, maxAgeSeconds: number) =>
    [
      `${SESSION_COOKIE}=${value}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      `Max-Age=${maxAgeSeconds}`,
      ...(creds.secure ? ['Secure'] : []),
    ].join('; ')
  return {
    deps,
    db: deps.db,
    now,
    locale: creds.locale,
    requestId: creds.requestId,
    ip: creds.ip,
    userAgent: creds.userAgent ?? null,
    actor,
    credentialRefused: refused,
    session: {
      // The browser keeps the cookie a day at most; the server's idle expiry is what really ends it.
      issue: (token) => creds.setCookie?.(cookie(token, 24 * 3600)),
      clear: () => creds.setCookie?.(cookie('', 0)),
    },
    audit: {},
  }
}

function resolveActor(
  deps: AppDeps,
  creds: RequestCredentials,
  now: Date,
): { actor: Actor; refused: boolean } {
  if (creds.bearerToken) {
    const device = findDevice(deps.db, creds.bearerToken, now)
    return device
      ? { actor: { type: 'device', device }, refused: false }
      : { actor: { type: 'anonymous' }, refused: true }
  }
  if (creds.sessionToken) {
    const actor = findSession(deps, creds.sessionToken, now)
    return actor ? { actor, refused: false } : { actor: { type: 'anonymous' }, refused: true }
  }
  return { actor: { type: 'anonymous' }, refused: false }
}

function findDevice(db: Db, token: string, now: Date): DeviceIdentity | null {
  const row = prepared(db).deviceByToken.get({ tokenHash: sha256(token) })
  if (!row) return null
  if (!row.lastSeenAt || now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) {
    db.update(devices).set({ lastSeenAt: now.toISOString() }).where(eq(devices.id, row.id)).run()
  }
  return { id: row.id, kind: row.kind, projectId: row.projectId, name: row.name }
}

function findSession(deps: AppDeps, token: string, now: Date): Actor | null {
  const { db } = deps
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now.toISOString()),
      ),
    )
    .get()
  if (!row || !row.user.active) return null
  if (now.getTime() - Date.parse(row.session.lastSeenAt) > TOUCH_EVERY_MS) {
    db.update(sessions)
      .set({ lastSeenAt: now.toISOString(), expiresAt: sessionExpiry(deps, now) })
      .where(eq(sessions.id, row.session.id))
      .run()
  }
  const projectIds = db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, row.user.id))
    .all()
    .map((m) => m.projectId)
  const { id, username, name, role } = row.user
  return { type: 'user', user: { id, username, name, role }, sessionId: row.session.id, projectIds }
}

export function sessionExpiry(deps: AppDeps, now: Date): string {
  return new Date(now.getTime() + deps.config.sessionIdleMinutes * 60_000).toISOString()
}

/** A context for work the server does itself (seeding history), acting as the given actor at `now`. */
export function internalContext(deps: AppDeps, actor: Actor, now: Date): Context {
  return {
    deps,
    db: deps.db,
    now,
    locale: 'zh-CN',
    requestId: 'internal',
    ip: '',
    userAgent: null,
    actor,
    credentialRefused: false,
    session: { issue: () => undefined, clear: () => undefined },
    audit: {},
  }
}
