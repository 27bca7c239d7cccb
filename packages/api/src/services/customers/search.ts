import { and, eq, gt, or, sql, type SQL } from 'drizzle-orm'
import { auditLog, customers, users } from '@anchang/db'
import { customerName, isManaging, maskPhone, normalizePhone, protectedOwner } from '@anchang/shared'
import type { UserServiceContext } from '../context'

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
const contains = (column: SQL, fragment: string) =>
  sql`${column} like ${`%${escapeLike(fragment)}%`} escape '\\'`
/** What `138****5678` shows: the first three digits and the last four. */
const FIRST_3 = sql`substr(${customers.phone}, 1, 3)`
const LAST_4 = sql`substr(${customers.phone}, 8, 4)`

/**
 * Finds customers by full number, a fragment of digits, or a name. The full number is shown to the
 * customer's protected owner and to managers and directors; a manager's or director's read of
 * someone else's customer is audited. Everyone else sees `138****5678`, and may match a number only
 * on what that shows them (a fragment of the first three or the last four digits, 前三后四 as seven
 * digits or `138****5678`) or on the whole number: otherwise digit-by-digit searches would spell
 * out the hidden middle. An owner whose protection has ended is no owner, here as everywhere.
 */
export function searchCustomers({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; q: string }
}) {
  const me = ctx.actor.user
  const managing = isManaging(me.role)
  const now = ctx.now.toISOString()
  const q = input.q.replace(/[\s-]/g, '')
  const full = normalizePhone(q)
  const masked = /^(1\d{2})\*{4}(\d{4})$/.exec(q)
  const digits = /^\d+$/.test(q) ? q : null
  const mineInFull = and(eq(customers.ownerId, me.id), gt(customers.protectionEndsAt, now))
  const where = full
    ? eq(customers.phone, full)
    : masked
      ? and(sql`${FIRST_3} = ${masked[1]}`, sql`${LAST_4} = ${masked[2]}`)
      : digits
        ? managing
          ? contains(sql`${customers.phone}`, digits)
          : or(
              and(mineInFull, contains(sql`${customers.phone}`, digits)),
              contains(FIRST_3, digits),
              contains(LAST_4, digits),
              digits.length === 7 ? sql`${FIRST_3} || ${LAST_4} = ${digits}` : undefined,
            )
        : sql`(coalesce(${customers.surname}, '') || coalesce(${customers.title}, '')) like ${`${escapeLike(input.q.trim())}%`} escape '\\'`
  const rows = ctx.db
    .select({ c: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.projectId, input.projectId), where))
    .limit(50)
    .all()
  const revealedToManager: string[] = []
  const result = rows.map(({ c, ownerName }) => {
    const ownerId = protectedOwner(c, ctx.now)
    const maySee = ownerId === me.id || managing
    if (maySee && ownerId !== me.id) revealedToManager.push(c.id)
    return {
      id: c.id,
      name: customerName(c.surname, c.title),
      phone: maySee ? c.phone : maskPhone(c.phone),
      ownerId,
      ownerName: ownerId ? ownerName : null,
      grade: c.grade,
    }
  })
  if (revealedToManager.length) {
    ctx.db
      .insert(auditLog)
      .values({
        at: now,
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
