import { asc, eq } from 'drizzle-orm'
import { projectMembers, projects, type DbOrTx } from '@anchang/db'
import type { Role } from '@anchang/shared'

export interface UserView {
  id: string
  username: string
  name: string
  role: Role
  projects: { id: string; code: string; name: string }[]
}

/** `auth.login` and `auth.me` answer with this (CONTRACT.md). */
export function userView(
  db: DbOrTx,
  user: { id: string; username: string; name: string; role: Role },
): UserView {
  const mine = db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, user.id))
    .orderBy(asc(projects.code))
    .all()
  return { id: user.id, username: user.username, name: user.name, role: user.role, projects: mine }
}
