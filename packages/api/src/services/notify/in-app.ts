import { and, eq, inArray } from 'drizzle-orm'
import { notifications, projectMembers, users, type Tx } from '@anchang/db'
import type { NoticePayload, Role } from '@anchang/shared'
import type { ServiceContext } from '../context'

/**
 * Tells people in the app: the notices are written in the caller's transaction (kept in their list)
 * and the returned function sends them live once that transaction has committed, so nobody is told of
 * a decision the database then took back.
 */
export function notify(tx: Tx, ctx: ServiceContext, userIds: Iterable<string>, payload: NoticePayload) {
  const to = [...new Set(userIds)]
  for (const userId of to)
    tx.insert(notifications)
      .values({
        userId,
        projectId: payload.projectId,
        type: payload.type,
        payload,
        createdAt: ctx.now.toISOString(),
      })
      .run()
  return () => {
    for (const userId of to) ctx.deps.rotation.notifyUser(userId, payload)
  }
}

/** The active members of a project who hold one of these roles (the directors who approve). */
export function membersWithRole(tx: Tx, projectId: string, roles: readonly Role[]): string[] {
  return tx
    .select({ id: users.id })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(eq(projectMembers.projectId, projectId), inArray(users.role, [...roles]), eq(users.active, true)),
    )
    .all()
    .map((u) => u.id)
}
