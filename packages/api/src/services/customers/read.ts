import { and, asc, desc, eq, gt, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { activities, customerPhones, customers } from '@anchang/db'
import {
  fail,
  followUpDueOn,
  followUpState,
  isManaging,
  localDate,
  maskPhone,
  protectedOwner,
  type CustomerListInput,
} from '@anchang/shared'
import type { UserServiceContext } from '../context'
import {
  auditPhoneReads,
  configOf,
  displayName,
  loadCustomer,
  namesOf,
  phoneFor,
  seesFullNumber,
  type CustomerRow,
} from './book'
import { searchCondition } from './search'

/** Shown where the number was erased at the customer's request. */
const ERASED = '—'

/**
 * CONTRACT.md `customers.get`: the customer and their timeline, newest first. The number is shown
 * in full to their owner, managers and directors (a non-owner's full read is audited), masked to
 * everyone else; an owner whose protection ended is no owner.
 */
export function getCustomer({ ctx, input }: { ctx: UserServiceContext; input: { customerId: string } }) {
  const c = loadCustomer(ctx, input.customerId)
  const config = configOf(ctx, c.projectId)
  const timeline = ctx.db
    .select()
    .from(activities)
    .where(eq(activities.customerId, c.id))
    // Entries of the same instant keep the order they were made in.
    .orderBy(desc(activities.happenedAt), sql`${activities}.rowid desc`)
    .limit(500)
    .all()
  const others = ctx.db
    .select({ phone: customerPhones.phone })
    .from(customerPhones)
    .where(eq(customerPhones.customerId, c.id))
    .all()
  const names = namesOf(ctx.db, [protectedOwner(c, ctx.now), ...timeline.map((a) => a.consultantId)])
  const revealed: string[] = []
  const item = itemOf(
    ctx,
    c,
    names,
    localDate(ctx.now, config.timeZone),
    config.settings.ownership.followUpDays,
    config.timeZone,
    revealed,
  )
  if (!c.erasedAt) auditPhoneReads(ctx, c.projectId, revealed)
  const full = seesFullNumber(ctx, c)
  return {
    ...item,
    projectId: c.projectId,
    surname: c.surname,
    title: c.title,
    fullName: c.fullName,
    phone: c.erasedAt ? ERASED : item.phone,
    otherPhones: others.map((o) => (full ? o.phone : maskPhone(o.phone))),
    tags: c.tags ?? [],
    notes: c.notes,
    erased: !!c.erasedAt,
    createdAt: c.createdAt,
    activities: timeline.map((a) => ({
      id: a.id,
      type: a.type,
      happenedAt: a.happenedAt,
      enteredAt: a.enteredAt,
      late: a.late,
      consultantId: a.consultantId,
      consultantName: a.consultantId ? (names.get(a.consultantId) ?? '') : null,
      note: a.note,
      method: a.method,
      grade: a.grade,
      nextFollowUpOn: a.nextFollowUpOn,
      payload: a.payload,
    })),
  }
}

interface Cursor {
  /** The sort value of the last row shown (null sorts last), and its id. */
  v: string | null
  id: string
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url')
function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor
    return typeof value.id === 'string' && (value.v === null || typeof value.v === 'string') ? value : null
  } catch {
    return null
  }
}

/**
 * CONTRACT.md `customers.list`: the caller's protected customers (`mine`), everyone's (`team`,
 * managers and directors only) or the public pool (`pool`), with filters, page by page. Lists of
 * due or overdue follow-ups come soonest-due first; the others most recently contacted first.
 */
export function listCustomers({ ctx, input }: { ctx: UserServiceContext; input: CustomerListInput }) {
  const me = ctx.actor.user
  if (input.scope === 'team' && !isManaging(me.role)) fail('FORBIDDEN', 'customer.teamScope')
  const config = configOf(ctx, input.projectId)
  const now = ctx.now.toISOString()
  const today = localDate(ctx.now, config.timeZone)
  const byDue = input.overdue || input.due
  const sortColumn = byDue ? customers.followUpDueOn : customers.lastContactAt
  const cursor = decodeCursor(input.cursor)

  const scope: SQL | undefined =
    input.scope === 'mine'
      ? and(isNotNull(customers.ownerId), eq(customers.ownerId, me.id), gt(customers.protectionEndsAt, now))
      : input.scope === 'team'
        ? and(isNotNull(customers.ownerId), gt(customers.protectionEndsAt, now))
        : or(
            isNull(customers.ownerId),
            isNull(customers.protectionEndsAt),
            lte(customers.protectionEndsAt, now),
          )
  const after: SQL | undefined = !cursor
    ? undefined
    : byDue
      ? or(gt(sortColumn, cursor.v ?? ''), and(eq(sortColumn, cursor.v ?? ''), gt(customers.id, cursor.id)))
      : cursor.v === null
        ? and(isNull(sortColumn), lt(customers.id, cursor.id))
        : or(
            lt(sortColumn, cursor.v),
            and(eq(sortColumn, cursor.v), lt(customers.id, cursor.id)),
            isNull(sortColumn),
          )
  const rows = ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.projectId, input.projectId),
        isNull(customers.erasedAt),
        scope,
        input.grade ? eq(customers.grade, input.grade) : undefined,
        input.channel ? eq(customers.channel, input.channel) : undefined,
        input.overdue
          ? and(isNotNull(customers.followUpDueOn), lt(customers.followUpDueOn, today))
          : undefined,
        input.due && !input.overdue
          ? and(isNotNull(customers.followUpDueOn), lte(customers.followUpDueOn, today))
          : undefined,
        input.q ? searchCondition(ctx, input.projectId, input.q) : undefined,
        after,
      ),
    )
    .orderBy(
      ...(byDue
        ? [asc(sortColumn), asc(customers.id)]
        : [sql`${sortColumn} desc nulls last`, desc(customers.id)]),
    )
    .limit(input.limit + 1)
    .all()
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  const names = namesOf(
    ctx.db,
    page.map((c) => protectedOwner(c, ctx.now)),
  )
  const revealed: string[] = []
  const items = page.map((c) =>
    itemOf(ctx, c, names, today, config.settings.ownership.followUpDays, config.timeZone, revealed),
  )
  auditPhoneReads(ctx, input.projectId, revealed)
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ v: (byDue ? last.followUpDueOn : last.lastContactAt) ?? null, id: last.id })
        : null,
  }
}

function itemOf(
  ctx: UserServiceContext,
  c: CustomerRow,
  names: Map<string, string>,
  today: string,
  followUpDays: Parameters<typeof followUpDueOn>[1],
  timeZone: string,
  revealed: string[],
) {
  const ownerId = protectedOwner(c, ctx.now)
  const { phone, audited } = phoneFor(ctx, c)
  if (audited) revealed.push(c.id)
  const dueOn = ownerId ? followUpDueOn(c, followUpDays, timeZone) : null
  return {
    id: c.id,
    name: displayName(c),
    phone,
    ownerId,
    ownerName: ownerId ? (names.get(ownerId) ?? '') : null,
    grade: c.grade,
    channel: c.channel,
    protectionEndsAt: ownerId ? c.protectionEndsAt : null,
    nextFollowUpOn: c.nextFollowUpOn,
    followUpDueOn: dueOn,
    followUpState: followUpState(dueOn, today),
    lastContactAt: c.lastContactAt,
  }
}
