import { and, eq, isNull, ne } from 'drizzle-orm'
import { hashPassword, sessions, users, verifyPassword, type DbOrTx } from '@anchang/db'
import type { ChangePasswordInput } from '@anchang/shared'
import { fail } from '../../errors'
import type { Context } from '../../context'
import type { UserContext } from '../../trpc'
import { userView } from './user-view'

/** Who is signed in, or null: lets a page learn it without a refused request on every first visit. */
export function currentSession({ ctx }: { ctx: Context }) {
  return { user: ctx.actor.type === 'user' ? userView(ctx.db, ctx.actor.user) : null }
}

export function me({ ctx }: { ctx: UserContext }) {
  return { user: userView(ctx.db, ctx.actor.user) }
}

export function logout({ ctx }: { ctx: UserContext }) {
  ctx.db
    .update(sessions)
    .set({ endedAt: ctx.now.toISOString() })
    .where(eq(sessions.id, ctx.actor.sessionId))
    .run()
  ctx.session.clear()
  return { ok: true as const }
}

/** Ends every open session of a person, but the one named in `except`. */
export function endSessions(db: DbOrTx, userId: string, at: Date, except?: string): void {
  db.update(sessions)
    .set({ endedAt: at.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), except ? ne(sessions.id, except) : undefined))
    .run()
}

/** A new password ends the person's other sessions: whoever else knew the old one is signed out. */
export async function changePassword({ ctx, input }: { ctx: UserContext; input: ChangePasswordInput }) {
  const user = ctx.db.select().from(users).where(eq(users.id, ctx.actor.user.id)).get()
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    fail('BAD_REQUEST', 'auth.wrongCurrentPassword')
  }
  if (input.currentPassword === input.newPassword) fail('BAD_REQUEST', 'auth.samePassword')
  const passwordHash = await hashPassword(input.newPassword)
  ctx.db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: ctx.now.toISOString() }).where(eq(users.id, user.id)).run()
    endSessions(tx, user.id, ctx.now, ctx.actor.sessionId)
  })
  return { ok: true as const }
}
