import { and, eq, sql } from 'drizzle-orm'
import { auditLog, customers, users } from '@anchang/db'
import { customerName, isManaging, maskPhone, normalizePhone } from '@anchang/shared'
import type { UserServiceContext } from '../context'

/**
 * Finds customers by full number, a fragment of digits, or a name. The full number is shown to
 * the customer's owner and to managers and directors; a manager's or director's read of someone
 * else's customer is audited. Everyone else sees `138****5678`.
 */
export function searchCustomers({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string; q: string } }) {
  const q = input.q.replace(/[\s-]/g, '')
  const full = normalizePhone(q)
  const digits = /^\+?\d+$/.test(q)
  const escaped = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
  const where = full
    ? eq(customers.phone, full)
    : digits
      ? sql`${customers.phone} like ${`%${escaped(q.replace(/^\+?86/, ''))}%`} escape '\\'`
      : sql`(coalesce(${customers.surname}, '') || coalesce(${customers.title}, '')) like ${`${escaped(input.q.trim())}%`} escape '\\'`
  const rows = ctx.db
    .select({ c: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.projectId, input.projectId), where))
    .limit(50)
    .all()
  const me = ctx.actor.user
  const managing = isManaging(me.role)
  const revealedToManager: string[] = []
  const result = rows.map(({ c, ownerName }) => {
    const maySee = c.ownerId === me.id || managing
    if (maySee && c.ownerId !== me.id) revealedToManager.push(c.id)
    return { id: c.id, name: customerName(c.surname, c.title), phone: maySee ? c.phone : maskPhone(c.phone), ownerId: c.ownerId, ownerName, grade: c.grade }
  })
  if (revealedToManager.length) {
    ctx.db
      .insert(auditLog)
      .values({
        at: ctx.now.toISOString(),
        actorType: 'user',
        actorId: me.id,
        actorName: me.name,
        projectId: input.projectId,
        action: 'customers.viewPhone',
        summary: { customerIds: revealedToManager },
        requestId: ctx.requestId,
        ip: ctx.ip,
      })
      .run()
  }
  return result
}
