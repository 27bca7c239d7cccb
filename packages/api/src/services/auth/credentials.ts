import { and, eq, gt, isNull } from 'drizzle-orm'
import { projectMembers, sessions, sha256, users } from '@anchang/db'
import type { Actor, AppDeps } from '../context'

/** Last-seen times are written at most this often, so reading does not cost a disk sync per request. */
const TOUCH_EVERY_MS = 60_000

/** What a caller presented: a person's session cookie, or a device's token. */
export interface Credentials {
  sessionToken?: string | null
  bearerToken?: string | null
}

export function sessionExpiry(deps: AppDeps, now: Date): string {
  return new Date(now.getTime() + deps.config.sessionIdleMinutes * 60_000).toISOString()
}

/**
 * Who the credentials name. A device token wins over a cookie; a credential that names nobody (ended,
 * expired, revoked, forged) leaves the caller anonymous with `refused` set, so the answer can say
 * "your session ended" rather than "please sign in". `touch` moves the last-seen time (at most once a
 * minute); a stream re-checking its caller does not.
 */
export function resolveActor(
  deps: AppDeps,
  creds: Credentials,
  now: Date,
  touch = true,
): { actor: Actor; refused: boolean } {
  if (creds.bearerToken) {
    const device = deps.devices.find(creds.bearerToken, now, touch)
    return device
      ? { actor: { type: 'device', device }, refused: false }
      : { actor: { type: 'anonymous' }, refused: true }
  }
  if (creds.sessionToken) {
    const actor = findSession(deps, creds.sessionToken, now, touch)
    return actor ? { actor, refused: false } : { actor: { type: 'anonymous' }, refused: true }
  }
  return { actor: { type: 'anonymous' }, refused: false }
}

/**
 * Whether `actor`, resolved from `creds` earlier, still holds: the session not ended or expired, the
 * person active and still in `projectId`; the device not revoked. Open streams ask this every moment,
 * so logging out, deactivation and revocation reach them too.
 */
export function credentialHolds(
  deps: AppDeps,
  creds: Credentials,
  actor: Actor,
  now: Date,
  projectId?: string,
): boolean {
  const current = resolveActor(deps, creds, now, false).actor
  if (actor.type === 'device') {
    return current.type === 'device' && current.device.id === actor.device.id
  }
  if (actor.type === 'user') {
    return (
      current.type === 'user' &&
      current.sessionId === actor.sessionId &&
      (projectId === undefined || current.projectIds.includes(projectId))
    )
  }
  return true
}

function findSession(deps: AppDeps, token: string, now: Date, touch: boolean): Actor | null {
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
  if (touch && now.getTime() - Date.parse(row.session.lastSeenAt) > TOUCH_EVERY_MS) {
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
