import { on, EventEmitter } from 'node:events'
import { and, desc, eq } from 'drizzle-orm'
import { checkIns, customers, notifications, receptions } from '@anchang/db'
import { customerName, maskPhone, positionOf, protectedOwner, type NoticePayload } from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { displayName } from '../customers/book'

/** A consultant's own day: status, place, open reception, tally, and the latest notices. */
export function myStatus({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const me = ctx.actor.user
  const day = ctx.deps.rotation.day(input.projectId, ctx.now)
  /**
   * The visitor as the card names them: the book's name before what was typed at the kiosk (a
   * returning customer rarely types it again), and the full number to the customer's owner
   * (DOMAIN.md), masked to anyone else.
   */
  const visitor = (c: typeof checkIns.$inferSelect, customer: typeof customers.$inferSelect | null) => ({
    customerId: customer?.id ?? null,
    name: (customer && displayName(customer)) || customerName(c.surname, c.title),
    phone: protectedOwner(customer, ctx.now) === me.id ? c.phone : maskPhone(c.phone),
    partySize: c.partySize,
    channel: c.channel,
  })
  const onDuty = day.state.consultants.get(me.id)
  const open = ctx.db
    .select({ r: receptions, c: checkIns, customer: customers })
    .from(receptions)
    .innerJoin(checkIns, eq(checkIns.id, receptions.checkInId))
    .leftJoin(customers, eq(customers.id, receptions.customerId))
    .where(
      and(
        eq(receptions.projectId, input.projectId),
        eq(receptions.consultantId, me.id),
        eq(receptions.status, 'open'),
      ),
    )
    .orderBy(desc(receptions.assignedAt))
    .all()
  const today = ctx.db
    .select({ r: receptions, c: checkIns, customer: customers })
    .from(receptions)
    .innerJoin(checkIns, eq(checkIns.id, receptions.checkInId))
    .leftJoin(customers, eq(customers.id, receptions.customerId))
    .where(
      and(
        eq(receptions.projectId, input.projectId),
        eq(receptions.consultantId, me.id),
        eq(receptions.date, day.date),
      ),
    )
    .orderBy(desc(receptions.assignedAt))
    .all()
  const recent = ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, me.id), eq(notifications.projectId, input.projectId)))
    .orderBy(desc(notifications.id))
    .limit(20)
    .all()
  return {
    date: day.date,
    signedIn: !!onDuty,
    status: onDuty?.status ?? null,
    breakReason: onDuty?.breakReason ?? null,
    position: positionOf(day.state, me.id),
    queueLength: day.state.order.length,
    pendingTurn: onDuty?.pendingTurn ?? null,
    tally: day.state.tally.get(me.id) ?? {
      name: me.name,
      received: 0,
      valid: 0,
      invalid: 0,
      missed: 0,
      reassigned: 0,
    },
    receptions: open.map(({ r, c, customer }) => ({
      receptionId: r.id,
      since: r.assignedAt,
      reason: r.reason,
      kind: r.kind,
      date: r.date,
      onBehalfOf: r.onBehalfOf,
      visitor: visitor(c, customer),
    })),
    /** Today's receptions, newest first, with their results: the consultant's own record of the day. */
    today: today.map(({ r, c, customer }) => ({
      receptionId: r.id,
      at: r.assignedAt,
      finishedAt: r.finishedAt,
      status: r.status,
      reason: r.reason,
      kind: r.kind,
      result: r.result,
      grade: r.grade,
      note: r.note,
      onBehalfOf: r.onBehalfOf,
      visitor: visitor(c, customer),
    })),
    notices: recent.map((n) => ({
      id: n.id,
      type: n.type,
      payload: n.payload,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
  }
}

/** Alerts for the signed-in person: an assignment to them, a reception on their behalf, an appeal answered. */
export async function* watchMyNotices({
  ctx,
  signal,
}: {
  ctx: UserServiceContext
  signal?: AbortSignal | undefined
}) {
  const relay = new EventEmitter()
  const stop = ctx.deps.rotation.onUser(ctx.actor.user.id, (notice) => relay.emit('notice', notice))
  try {
    for await (const [notice] of on(relay, 'notice', { signal })) yield notice as NoticePayload
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error
  } finally {
    stop()
  }
}
