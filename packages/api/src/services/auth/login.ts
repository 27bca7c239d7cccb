import { sql } from 'drizzle-orm'
import { DUMMY_PASSWORD_HASH, newId, newToken, sessions, sha256, users, verifyPassword } from '@anchang/db'
import { DomainError, type LoginInput } from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { minutesToWait } from '../../throttle'
import { sessionExpiry } from './credentials'
import { userView } from './user-view'

/**
 * Checks the password and opens a session; answers the person and the session's token, which the
 * boundary sets as the cookie. Attempts are counted per username (10 failures in a row lock it) and
 * per client address (50 in 15 minutes) before the password is judged, so guesses sent together
 * meet the lock as guesses sent one by one do; a locked username is refused even with the right
 * password. Refused sign-ins are audited too (who tried which account).
 */
export async function login({ ctx, input }: { ctx: ServiceContext; input: LoginInput }) {
  const { loginUsername, loginClient } = ctx.deps.throttles
  const now = ctx.now.getTime()
  const userKey = input.username.toLowerCase()
  function refused(error: DomainError): never {
    ctx.db.transaction((tx) => audit(tx, ctx, 'auth.login', { input, failed: true }))
    throw error
  }
  const wait = Math.max(loginUsername.attempt(userKey, now), loginClient.attempt(ctx.ip, now))
  if (wait > 0)
    refused(new DomainError('TOO_MANY_REQUESTS', 'auth.tooManyAttempts', { minutes: minutesToWait(wait) }))

  const user = ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${userKey}`)
    .get()
  // Always hash, so the answer's timing does not tell which usernames exist.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
  if (!user || !passwordOk || !user.active)
    refused(new DomainError('UNAUTHORIZED', 'auth.invalidCredentials'))
  loginUsername.succeed(userKey)
  loginClient.succeed(ctx.ip)

  const token = newToken()
  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    tx.insert(sessions)
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
    audit(tx, ctx, 'auth.login', { input, actor: user })
  })
  return { user: userView(ctx.db, user), token }
}
