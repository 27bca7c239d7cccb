import { sql } from 'drizzle-orm'
import { DUMMY_PASSWORD_HASH, newId, newToken, sessions, sha256, users, verifyPassword } from '@anchang/db'
import type { LoginInput } from '@anchang/shared'
import { sessionExpiry, type Context } from '../../context'
import { fail } from '../../errors'
import { minutesToWait } from '../../throttle'
import { userView } from './user-view'

/**
 * Checks the password and opens a session. Failures are counted per username (10 in a row lock it)
 * and per client address (50 in 15 minutes); a locked username is refused even with the right password.
 */
export async function login({ ctx, input }: { ctx: Context; input: LoginInput }) {
  const { loginUsername, loginClient } = ctx.deps.throttles
  const now = ctx.now.getTime()
  const userKey = input.username.toLowerCase()
  const wait = Math.max(loginUsername.retryAfter(userKey, now), loginClient.retryAfter(ctx.ip, now))
  if (wait > 0) fail('TOO_MANY_REQUESTS', 'auth.tooManyAttempts', { minutes: minutesToWait(wait) })

  const user = ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${userKey}`)
    .get()
  // Always hash, so the answer's timing does not tell which usernames exist.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
  if (!user || !passwordOk || !user.active) {
    loginUsername.fail(userKey, now)
    loginClient.fail(ctx.ip, now)
    fail('UNAUTHORIZED', 'auth.invalidCredentials')
  }
  loginUsername.succeed(userKey)

  const token = newToken()
  const at = ctx.now.toISOString()
  ctx.db
    .insert(sessions)
    .values({
      id: newId(),
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: sessionExpiry(ctx.deps, ctx.now),
      userAgent: ctx.userAgent?.slice(0, 200) ?? null,
      ip: ctx.ip,
    })
    .run()
  ctx.session.issue(token)
  ctx.audit.actor = user
  return { user: userView(ctx.db, user) }
}
