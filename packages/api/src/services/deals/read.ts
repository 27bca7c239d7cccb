import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import { customers, dealChanges, dealSchedule, deals, notifications, payments, units } from '@anchang/db'
import { fail, type DealListInput, type RemindInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { notify } from '../notify/in-app'
import { displayName, namesOf } from '../customers/book'
import { unitLabel } from '../units/grid'
import { isOffice, loadDeal, todayOf } from './deal'
import { paperworkOf } from './paperwork'

/**
 * What a schedule says is due by a day, against what was paid: the arrears (欠款) are what fell due
 * and is not yet paid, with money paid counted against the earliest rows first.
 */
export function dueBy(
  schedule: readonly { dueOn: string; amountFen: number }[],
  paidFen: number,
  day: string,
) {
  const dueFen = schedule.filter((r) => r.dueOn <= day).reduce((sum, r) => sum + r.amountFen, 0)
  return { dueFen, arrearsFen: Math.max(0, dueFen - paidFen) }
}

/** CONTRACT.md `deals.get`, with the unit, the customer, the schedule and the changes asked. */
export function getDeal({ ctx, input }: { ctx: UserServiceContext; input: { dealId: string } }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  const unit = ctx.db.select().from(units).where(eq(units.id, deal.unitId)).get()!
  const customer = ctx.db.select().from(customers).where(eq(customers.id, deal.customerId)).get()!
  const schedule = ctx.db
    .select()
    .from(dealSchedule)
    .where(eq(dealSchedule.dealId, deal.id))
    .orderBy(asc(dealSchedule.seq))
    .all()
  const paid = ctx.db
    .select()
    .from(payments)
    .where(eq(payments.dealId, deal.id))
    .orderBy(asc(payments.receiptSeq))
    .all()
  const changes = ctx.db
    .select()
    .from(dealChanges)
    .where(eq(dealChanges.dealId, deal.id))
    .orderBy(desc(dealChanges.requestedAt))
    .all()
  const names = namesOf(ctx.db, [
    deal.consultantId,
    ...deal.credit.map((c) => c.consultantId),
    deal.backdateBy,
    ...changes.flatMap((c) => [c.requestedBy, c.decidedBy]),
  ])
  const today = todayOf(ctx, deal.projectId)
  return {
    dealId: deal.id,
    projectId: deal.projectId,
    unitId: deal.unitId,
    unit: unitLabel(unit),
    building: unit.building,
    entrance: unit.entrance,
    floor: unit.floor,
    room: unit.room,
    layout: unit.layout,
    orientation: unit.orientation,
    product: unit.product,
    areaM2: deal.areaCentiM2 / 100,
    customerId: deal.customerId,
    customerName: displayName(customer),
    consultantId: deal.consultantId,
    consultantName: names.get(deal.consultantId) ?? '',
    credit: deal.credit.map((c) => ({ ...c, name: names.get(c.consultantId) ?? '' })),
    status: deal.status,
    paymentMethod: deal.paymentMethod,
    listPriceFen: deal.listPriceFen,
    quoteFen: deal.quoteFen,
    priceFen: deal.priceFen,
    depositFen: deal.depositFen,
    paidFen: deal.paidFen,
    owedFen: deal.priceFen - deal.paidFen,
    ...dueBy(schedule, deal.paidFen, today),
    signBy: deal.signBy,
    subscribedOn: deal.subscribedOn,
    specialPriceRequestId: deal.specialPriceId,
    contractNo: deal.contractNo ?? undefined,
    signedOn: deal.signedOn,
    backdated: !!deal.backdateOn && deal.status !== 'subscribed',
    backdateOn: deal.backdateOn,
    backdateByName: deal.backdateBy ? (names.get(deal.backdateBy) ?? '') : null,
    onlineSignRef: deal.onlineSignRef,
    onlineSignOn: deal.onlineSignOn,
    schedule: schedule.map((r) => ({ seq: r.seq, label: r.label, dueOn: r.dueOn, amountFen: r.amountFen })),
    paperwork: paperworkOf(ctx, deal),
    payments: paid.map((p) => ({
      paymentId: p.id,
      receiptNo: p.receiptNo,
      amountFen: p.amountFen,
      status: p.status,
      direction: p.direction,
      kind: p.kind,
      method: p.method,
      paidOn: p.paidOn,
      voidReason: p.voidReason,
    })),
    changes: changes.map((c) => ({
      changeId: c.id,
      kind: c.kind,
      status: c.status,
      reason: c.reason,
      details: c.details,
      requestedByName: names.get(c.requestedBy) ?? '',
      requestedAt: c.requestedAt,
      decidedByName: c.decidedBy ? (names.get(c.decidedBy) ?? '') : null,
      decidedAt: c.decidedAt,
      note: c.note,
    })),
  }
}

/**
 * The deals of a project: all, the subscriptions past their signing deadline (the manager's list),
 * or the signed deals in arrears (催款, per consultant). A consultant sees their own deals.
 */
export function listDeals({ ctx, input }: { ctx: UserServiceContext; input: DealListInput }) {
  const me = ctx.actor.user
  const today = todayOf(ctx, input.projectId)
  const consultantId = me.role === 'consultant' ? me.id : input.consultantId
  const rows = ctx.db
    .select({ deal: deals, unit: units, customer: customers })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .where(
      and(
        eq(deals.projectId, input.projectId),
        consultantId ? eq(deals.consultantId, consultantId) : undefined,
        input.view === 'overdueSigning'
          ? and(eq(deals.status, 'subscribed'), lt(deals.signBy, today))
          : input.view === 'arrears'
            ? and(eq(deals.status, 'signed'), sql`${deals.paidFen} < ${deals.priceFen}`)
            : input.status
              ? eq(deals.status, input.status)
              : undefined,
      ),
    )
    .orderBy(desc(deals.subscribedAt))
    .limit(input.limit)
    .all()
  const schedules = new Map<string, { dueOn: string; amountFen: number }[]>()
  const ids = rows.map((r) => r.deal.id)
  for (let i = 0; i < ids.length; i += 500)
    for (const row of ctx.db
      .select()
      .from(dealSchedule)
      .where(inArray(dealSchedule.dealId, ids.slice(i, i + 500)))
      .all())
      schedules.set(row.dealId, [...(schedules.get(row.dealId) ?? []), row])
  const names = namesOf(
    ctx.db,
    rows.map((r) => r.deal.consultantId),
  )
  const list = rows.map(({ deal, unit, customer }) => ({
    dealId: deal.id,
    unitId: deal.unitId,
    unit: unitLabel(unit),
    layout: unit.layout,
    areaM2: deal.areaCentiM2 / 100,
    customerId: deal.customerId,
    customerName: displayName(customer),
    consultantId: deal.consultantId,
    consultantName: names.get(deal.consultantId) ?? '',
    status: deal.status,
    paymentMethod: deal.paymentMethod,
    priceFen: deal.priceFen,
    paidFen: deal.paidFen,
    owedFen: deal.priceFen - deal.paidFen,
    ...dueBy(schedules.get(deal.id) ?? [], deal.paidFen, today),
    subscribedOn: deal.subscribedOn,
    signBy: deal.signBy,
    contractNo: deal.contractNo,
    signedOn: deal.signedOn,
    backdated: !!deal.backdateOn && deal.status !== 'subscribed',
  }))
  // 催款 lists what fell due and is unpaid; a signed deal whose instalments are all still ahead is not behind.
  const shown = input.view === 'arrears' ? list.filter((d) => d.arrearsFen > 0) : list
  const reminded =
    input.view === 'arrears'
      ? lastReminders(
          ctx,
          shown.map((d) => d.dealId),
        )
      : new Map<string, string>()
  return shown.map((d) => ({ ...d, lastRemindedAt: reminded.get(d.dealId) ?? null }))
}

/**
 * `deals.remind` (催款): the office tells the deal's consultant that money fell due and is unpaid, so
 * they call the customer; the notice is the record, and the arrears list shows the latest.
 */
export function remindPayment({ ctx, input }: { ctx: UserServiceContext; input: RemindInput }) {
  const deal = getDeal({ ctx, input: { dealId: input.dealId } })
  const me = ctx.actor.user
  if (!isOffice(me.role)) fail('FORBIDDEN', 'auth.forbiddenRole')
  if (deal.status !== 'signed' || deal.arrearsFen <= 0) fail('CONFLICT', 'deal.nothingDue')
  const send = ctx.db.transaction((tx) => {
    audit(tx, ctx, 'deals.remind', { projectId: deal.projectId, input })
    return notify(tx, ctx, [deal.consultantId], {
      type: 'payment_reminder',
      projectId: deal.projectId,
      dealId: deal.dealId,
      unit: deal.unit,
      customerName: deal.customerName,
      arrearsFen: deal.arrearsFen,
      note: input.note || null,
      by: { id: me.id, name: me.name },
      at: ctx.now.toISOString(),
    })
  })
  send()
  return { ok: true as const }
}

/** When each deal's consultant was last reminded (催款), from the notices sent. */
export function lastReminders(ctx: UserServiceContext, dealIds: string[]): Map<string, string> {
  if (!dealIds.length) return new Map()
  const rows = ctx.db
    .select({
      dealId: sql<string>`json_extract(${notifications.payload}, '$.dealId')`,
      at: sql<string>`max(${notifications.createdAt})`,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.type, 'payment_reminder'),
        inArray(sql`json_extract(${notifications.payload}, '$.dealId')`, dealIds),
      ),
    )
    .groupBy(sql`json_extract(${notifications.payload}, '$.dealId')`)
    .all()
  return new Map(rows.map((r) => [r.dealId, r.at]))
}
