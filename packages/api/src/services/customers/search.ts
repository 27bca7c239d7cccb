import { and, eq, gt, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { customers, users } from '@anchang/db'
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
export function searchCondition(ctx: UserServiceContext, text: string): SQL {
  const me = ctx.actor.user
  const q = text.replace(/[\s-]/g, '')
  const full = normalizePhone(q)
  if (full) return eq(customers.phone, full)
  const masked = /^(1\d{2})\*{4}(\d{4})$/.exec(q)
  if (masked) return and(sql`${FIRST_3} = ${masked[1]}`, sql`${LAST_4} = ${masked[2]}`)!
  if (/^\d+$/.test(q)) {
    if (isManaging(me.role)) return contains(sql`${customers.phone}`, q)
    const mineInFull = and(
      eq(customers.ownerId, me.id),
      gt(customers.protectionEndsAt, ctx.now.toISOString()),
    )
    return or(
      and(mineInFull, contains(sql`${customers.phone}`, q)),
      contains(FIRST_3, q),
      contains(LAST_4, q),
      q.length === 7 ? sql`${FIRST_3} || ${LAST_4} = ${q}` : undefined,
    )!
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
        searchCondition(ctx, input.q),
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
