import { and, asc, eq, inArray } from 'drizzle-orm'
import { appeals, checkIns, customers, receptions, rotationEvents } from '@anchang/db'
import { customerName, maskPhone } from '@anchang/shared'
import type { ServiceContext } from '../context'
import { namesOf } from '../customers/book'

/**
 * CONTRACT.md `reception.log`: one row per reception of the day, with the reason of its
 * assignment and the queue as it was, so disputes are settled from the record.
 */
export function receptionLog({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { projectId: string; date: string }
}) {
  const rows = ctx.db
    .select({ r: receptions, c: checkIns, customer: customers })
    .from(receptions)
    .innerJoin(checkIns, eq(checkIns.id, receptions.checkInId))
    .leftJoin(customers, eq(customers.id, receptions.customerId))
    .where(and(eq(receptions.projectId, input.projectId), eq(receptions.date, input.date)))
    .orderBy(asc(receptions.assignedAt))
    .all()
  const appealRows = rows.length
    ? ctx.db
        .select()
        .from(appeals)
        .where(
          inArray(
            appeals.receptionId,
            rows.map((r) => r.r.id),
          ),
        )
        .all()
    : []
  const names = namesOf(
    ctx.db,
    rows.flatMap(({ r }) => [
      r.consultantId,
      ...(r.onBehalfOf ? [r.onBehalfOf] : []),
      ...r.queueBefore,
      ...(r.missedBy ?? []),
    ]),
  )
  const byId = new Map(rows.map(({ r }) => [r.id, r]))
  /** The other end of a reassignment: which reception, whose. */
  const link = (id: string | null) => {
    const other = id ? byId.get(id) : undefined
    return other
      ? { receptionId: other.id, consultantId: other.consultantId, name: names.get(other.consultantId) ?? '' }
      : null
  }
  return rows.map(({ r, c, customer }) => ({
    receptionId: r.id,
    consultantId: r.consultantId,
    consultantName: names.get(r.consultantId) ?? '',
    customerId: r.customerId ?? undefined,
    customerName: customer ? customerName(customer.surname, customer.title) : '',
    phone: maskPhone(c.phone),
    reason: r.reason,
    result: r.result ?? undefined,
    grade: r.grade,
    note: r.note,
    at: r.assignedAt,
    checkedInAt: c.at,
    finishedAt: r.finishedAt,
    status: r.status,
    /** Why a manager moved or voided it. */
    statusReason: r.statusReason,
    /** Reassigned: where the visitor went, and for the new reception where they came from. */
    movedTo: link(r.movedTo),
    movedFrom: link(r.movedFrom),
    kind: r.kind,
    partySize: c.partySize,
    channel: c.channel,
    onBehalfOf: r.onBehalfOf ? { id: r.onBehalfOf, name: names.get(r.onBehalfOf) ?? '' } : null,
    usesTurn: r.usesTurn,
    queueBefore: r.queueBefore.map((id) => ({ consultantId: id, name: names.get(id) ?? '' })),
    missedBy: (r.missedBy ?? []).map((id) => ({ consultantId: id, name: names.get(id) ?? '' })),
    appeals: appealRows.filter((a) => a.receptionId === r.id),
  }))
}

/** Every rotation event of the day, oldest first: sign-ins, breaks, overrides with their reasons. */
export function rotationEventLog({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { projectId: string; date: string }
}) {
  const rows = ctx.db
    .select()
    .from(rotationEvents)
    .where(and(eq(rotationEvents.projectId, input.projectId), eq(rotationEvents.date, input.date)))
    .orderBy(asc(rotationEvents.id))
    .all()
  const names = namesOf(
    ctx.db,
    rows.flatMap((r) => [
      r.actorId,
      'consultantId' in r.event ? r.event.consultantId : null,
      ...(r.event.blockedIds ?? []),
    ]),
  )
  return rows.map((r) => {
    const { event } = r
    const summary: Record<string, unknown> = { ...event }
    delete summary.at
    delete summary.type
    // Who was kept out of the rotation at that moment (overdue follow-ups), by name.
    delete summary.blockedIds
    if (event.blockedIds?.length) summary.blocked = event.blockedIds.map((id) => names.get(id) ?? '')
    if ('phone' in summary && typeof summary.phone === 'string') summary.phone = maskPhone(summary.phone)
    if ('settings' in summary) delete summary.settings
    return {
      id: r.id,
      at: r.at,
      type: r.type,
      actor:
        r.actorType === 'system'
          ? null
          : { type: r.actorType, id: r.actorId, name: (r.actorId && names.get(r.actorId)) || null },
      consultantName:
        'consultantId' in event && event.consultantId ? (names.get(event.consultantId) ?? null) : null,
      reason: 'reason' in event ? (event.reason ?? null) : null,
      summary,
    }
  })
}
