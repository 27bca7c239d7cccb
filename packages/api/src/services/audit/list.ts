import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import { auditLog, projectMembers } from '@anchang/db'
import type { AuditListInput } from '@anchang/shared'
import type { ServiceContext } from '../context'

/**
 * The project's audit trail, newest first: entries about the project, and entries with no project
 * (sign-ins, password changes) made by its members.
 */
export function listAudit({ ctx, input }: { ctx: ServiceContext; input: AuditListInput }) {
  const members = ctx.db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(eq(projectMembers.projectId, input.projectId))
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        or(
          eq(auditLog.projectId, input.projectId),
          and(isNull(auditLog.projectId), inArray(auditLog.actorId, members)),
        ),
        input.action ? eq(auditLog.action, input.action) : undefined,
        input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
        input.cursor !== undefined ? lt(auditLog.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1)
    .all()
  const page = rows.slice(0, input.limit)
  return { entries: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null }
}
