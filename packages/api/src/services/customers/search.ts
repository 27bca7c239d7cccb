import { and, eq, gt, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { customerPhones, customers, users } from '@anchang/db'
import { isManaging, normalizePhone, protectedOwner } from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { auditPhoneReads, displayName, phoneFor } from './book'

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
const contains = (column: SQL, fragment: string) =>
  sql`${column} like ${`%${escapeLike(fragment)}%`} escape '\\'`
/** What `138****5678` shows: the first three digits and the last four. */
const FIRST_3 = sql`substr(${customers.phone}, 1, 3)`
const LAST_4 = sql`substr(${customers.phone}, 8, 4)`

/**
 * Which customers a search text names: a whole number, a fragment of digits, or the start of a
 * name. Those who see numbers masked may match a number only on what the mask shows them (a fragment
 * of the first three or the last four digits, 前三后四 as seven digits or `138****5678`) or on the
 * whole number, so digit-by-digit searches spell out nothing of the hidden middle; their own
 * protected customers they see whole, and match whole.
 */
export function searchCondition(ctx: UserServiceContext, projectId: string, text: string): SQL {
  const me = ctx.actor.user
  const q = text.replace(/[\s-]/g, '')
  const full = normalizePhone(q)
  if (full) {
    // A customer's other number finds them too (one indexed probe decides which index the search reads).
    const other = ctx.db
      .select({ customerId: customerPhones.customerId })
      .from(customerPhones)
      .where(and(eq(customerPhones.projectId, projectId), eq(customerPhones.phone, full)))
      .get()
    return other ? eq(customers.id, other.customerId) : eq(customers.phone, full)
  }
  const masked = /^(1\d{2})\*{4}(\d{4})$/.exec(q)
  if (masked) return and(sql`${LAST_4} = ${masked[2]}`, sql`${FIRST_3} = ${masked[1]}`)!
  if (/^\d+$/.test(q)) {
    if (isManaging(me.role)) return contains(sql`${customers.phone}`, q)
    const now = ctx.now.toISOString()
    const mine = and(
      eq(customers.ownerId, me.id),
      gt(customers.protectionEndsAt, now),
      contains(sql`${customers.phone}`, q),
    )!
    // Only what a fragment this long can match. Short ones find enough at once; four digits (尾号,
    // the usual search) and seven (前三后四) are the union of two index reads, written out because
    // the planner would otherwise walk the whole project for the OR; longer ones can be only mine.
    if (q.length <= 3) return or(mine, contains(FIRST_3, q), contains(LAST_4, q))!
    if (q.length !== 4 && q.length !== 7) return mine
    const shown =
      q.length === 4
        ? sql`substr(phone, 8, 4) = ${q}`
        : sql`substr(phone, 8, 4) = ${q.slice(3)} and substr(phone, 1, 3) = ${q.slice(0, 3)}`
    return sql`${customers.id} in (
      select id from customers where project_id = ${projectId} and owner_id = ${me.id}
        and protection_ends_at > ${now} and phone like ${`%${escapeLike(q)}%`} escape '\\'
      union all
      select id from customers where project_id = ${projectId} and ${shown})`
  }
  // The start of a name, as a range on the name index.
  const name = text.trim().toLowerCase()
  return and(gte(customers.searchName, name), lt(customers.searchName, `${name}\uffff`))!
}

/**
 * Finds customers by full number, a fragment of digits, or a name. The full number is shown to the
 * customer's protected owner and to managers and directors; a manager's or director's read of
 * someone else's customer is audited. An owner whose protection has ended is no owner, here as
 * everywhere.
 */
export function searchCustomers({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; q: string }
}) {
  const rows = ctx.db
    .select({ c: customers, ownerName: users.name })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(
      and(
        eq(customers.projectId, input.projectId),
        isNull(customers.erasedAt),
        searchCondition(ctx, input.projectId, input.q),
      ),
    )
    .limit(50)
    .all()
  const revealed: string[] = []
  const result = rows.map(({ c, ownerName }) => {
    const ownerId = protectedOwner(c, ctx.now)
    const { phone, audited } = phoneFor(ctx, c)
    if (audited) revealed.push(c.id)
    return {
      id: c.id,
      name: displayName(c),
      phone,
      ownerId,
      ownerName: ownerId ? ownerName : null,
      grade: c.grade,
    }
  })
  auditPhoneReads(ctx, input.projectId, revealed)
  return result
}
