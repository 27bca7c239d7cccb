import { asc, eq, inArray } from 'drizzle-orm'
import { projectMembers, users } from '@anchang/db'
import type { UserServiceContext } from '../context'

/** The project's staff, inactive ones included, with the memberships the reader can see. */
export function listStaff({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const rows = ctx.db
    .select({ user: users })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, input.projectId))
    .orderBy(asc(users.role), asc(users.username))
    .all()
  const ids = rows.map((r) => r.user.id)
  const memberships = ids.length
    ? ctx.db.select().from(projectMembers).where(inArray(projectMembers.userId, ids)).all()
    : []
  return rows.map(({ user }) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    active: user.active,
    hasPin: user.pinHash !== null,
    agency: user.agency,
    projectIds: memberships
      .filter((m) => m.userId === user.id && ctx.actor.projectIds.includes(m.projectId))
      .map((m) => m.projectId),
    createdAt: user.createdAt,
  }))
}
