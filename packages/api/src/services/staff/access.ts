import { eq } from 'drizzle-orm'
import { projectMembers, users, type DbOrTx } from '@anchang/db'
import { ROLE_LABELS, canManageRole, fail, type Role } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import type { UserServiceContext } from '../context'

export function assertCanManageRole(ctx: UserServiceContext, role: Role): void {
  if (!canManageRole(ctx.actor.user.role, role))
    fail('FORBIDDEN', 'staff.cannotManage', { role: ROLE_LABELS[role] })
}

export function projectIdsOf(db: DbOrTx, userId: string): string[] {
  return db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, userId))
    .all()
    .map((m) => m.projectId)
}

/**
 * Loads a staff member the acting manager may manage: someone in one of the actor's projects,
 * whose role the actor may manage.
 */
export function loadManagedStaff(ctx: UserServiceContext, userId: string) {
  const target = ctx.db.select().from(users).where(eq(users.id, userId)).get()
  if (!target) fail('NOT_FOUND', 'staff.notFound')
  const shared = projectIdsOf(ctx.db, userId).find((id) => ctx.actor.projectIds.includes(id))
  assertProjectAccess(ctx, shared ?? '')
  assertCanManageRole(ctx, target.role)
  return target
}
