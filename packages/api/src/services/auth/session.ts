import { and, eq, isNull, ne } from 'drizzle-orm'
import { hashPassword, sessions, users, verifyPassword, type DbOrTx } from '@anchang/db'
import { fail, type ChangePasswordInput } from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import { userView } from './user-view'

/** Who is signed in, or null: lets a page learn it without a refused request on every first visit. */
export function currentSession({ ctx }: { ctx: ServiceContext }) {
  return { user: ctx.actor.type === 'user' ? userView(ctx.db, ctx.actor.user) : null }
}

export function me({ ctx }: { ctx: UserServiceContext }) {
  return { user: userView(ctx.db, ctx.actor.user) }
}

export function logout({ ctx }: { ctx: UserServiceContext }) {
  ctx.db.transaction((tx) => {
    tx.update(sessions)
      .set({ endedAt: ctx.now.toISOString() })
      .where(eq(sessions.id, ctx.actor.sessionId))
      .run()
    audit(tx, ctx, 'auth.logout')
  })
  return { ok: true as const }
}

/** Ends every open session of a person, but the one named in `except`. */
export function endSessions(db: DbOrTx, userId: string, at: Date, except?: string): void {
  db.update(sessions)
    .set({ endedAt: at.toISOString() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        except ? ne(sessions.id, except) : undefined,
      ),
    )
    .run()
}

/** A new password ends the person's other sessions: whoever else knew the old one is signed out. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ChangePasswordInput
}) {
  const user = ctx.db.select().from(users).where(eq(users.id, ctx.actor.user.id)).get()
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    fail('BAD_REQUEST', 'auth.wrongCurrentPassword')
  }
  if (input.currentPassword === input.newPassword) fail('BAD_REQUEST', 'auth.samePassword')
  const passwordHash = await hashPassword(input.newPassword)
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, updatedAt: ctx.now.toISOString() })
      .where(eq(users.id, user.id))
      .run()
    endSessions(tx, user.id, ctx.now, ctx.actor.sessionId)
    audit(tx, ctx, 'auth.changePassword', { input })
  })
  return { ok: true as const }
}
