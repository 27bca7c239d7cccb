import { eq } from 'drizzle-orm'
import { projectMembers, users } from '@anchang/db'
import { ROLE_LABELS, canManageRole, type Role } from '@anchang/shared'
import { fail } from '../../errors'
import { assertProjectAccess, type UserContext } from '../../trpc'

export function assertCanManageRole(ctx: UserContext, role: Role): void {
  if (!canManageRole(ctx.actor.user.role, role)) fail('FORBIDDEN', 'staff.cannotManage', { role: ROLE_LABELS[role] })
}

export function projectIdsOf(ctx: UserContext, userId: string): string[] {
  return ctx.db
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
export function loadManagedStaff(ctx: UserContext, userId: string) {
  const target = ctx.db.select().from(users).where(eq(users.id, userId)).get()
  if (!target) fail('NOT_FOUND', 'staff.notFound')
  const shared = projectIdsOf(ctx, userId).find((id) => ctx.actor.projectIds.includes(id))
  assertProjectAccess(ctx, shared ?? '')
  assertCanManageRole(ctx, target.role)
  return target
}
