import { and, desc, eq } from 'drizzle-orm'
import { customers, newId, specialPrices, units, type DbOrTx } from '@anchang/db'
import {
  SPECIAL_PRICE_STATUS_LABELS,
  fail,
  localDate,
  protectedOwner,
  quotePrice,
  yuanText,
  type PaymentMethod,
  type Quote,
  type QuoteInput,
  type SpecialPriceDecideInput,
  type SpecialPriceListInput,
  type SpecialPriceRequestInput,
  type SpecialPriceStatus,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import { configOf, displayName, loadCustomer, namesOf } from '../customers/book'
import { membersWithRole, notify } from '../notify/in-app'
import { loadUnit, unitLabel, type UnitRowDb } from '../units/grid'

const DAY_MS = 86_400_000

/** The policy's lowest price for a unit today, with its steps (price-policy.ts does the sums). */
export function quoteFor(ctx: ServiceContext, unit: UnitRowDb, paymentMethod: PaymentMethod): Quote {
  const config = configOf(ctx, unit.projectId)
  return quotePrice(
    config.settings.sales.pricePolicy,
    {
      listPriceFen: unit.listPriceFen,
      areaCentiM2: unit.areaCentiM2,
      floor: unit.floor,
      product: unit.product,
      orientation: unit.orientation,
    },
    { paymentMethod, on: localDate(ctx.now, config.timeZone) },
  )
}

/** CONTRACT.md `prices.quote`. */
export function quote({ ctx, input }: { ctx: ServiceContext; input: QuoteInput }) {
  const q = quoteFor(ctx, loadUnit(ctx, ctx.db, input.unitId), input.paymentMethod)
  return {
    listPriceFen: q.listPriceFen,
    priceFen: q.priceFen,
    steps: q.steps.map((s) => ({ label: s.label, kind: s.kind, priceFen: s.priceFen })),
  }
}

type SpecialRow = typeof specialPrices.$inferSelect

/** What a request is now: an approval past its validity has expired, without anything sweeping it. */
export function specialStatus(row: SpecialRow, now: Date): SpecialPriceStatus {
  if (row.status === 'approved' && row.validUntil && row.validUntil <= now.toISOString()) return 'expired'
  return row.status
}

/** CONTRACT.md `prices.requestSpecial`: the consultant asks for a price below the policy for their customer. */
export function requestSpecial({ ctx, input }: { ctx: UserServiceContext; input: SpecialPriceRequestInput }) {
  const unit = loadUnit(ctx, ctx.db, input.unitId)
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.projectId !== unit.projectId) fail('NOT_FOUND', 'customer.notFound')
  const me = ctx.actor.user
  if (protectedOwner(customer, ctx.now) !== me.id) fail('FORBIDDEN', 'deal.notOwner')
  const q = quoteFor(ctx, unit, input.paymentMethod)
  if (input.priceFen >= q.priceFen)
    fail('BAD_REQUEST', 'special.notNeeded', { price: yuanText(input.priceFen), quote: yuanText(q.priceFen) })
  const id = newId(ctx.now.getTime())
  const send = ctx.db.transaction((tx) => {
    const open = tx
      .select({ id: specialPrices.id })
      .from(specialPrices)
      .where(
        and(
          eq(specialPrices.unitId, unit.id),
          eq(specialPrices.customerId, customer.id),
          eq(specialPrices.status, 'pending'),
        ),
      )
      .get()
    if (open) fail('CONFLICT', 'special.pendingExists')
    tx.insert(specialPrices)
      .values({
        id,
        projectId: unit.projectId,
        unitId: unit.id,
        customerId: customer.id,
        consultantId: me.id,
        paymentMethod: input.paymentMethod,
        priceFen: input.priceFen,
        quoteFen: q.priceFen,
        reason: input.reason,
        status: 'pending',
        createdAt: ctx.now.toISOString(),
      })
      .run()
    audit(tx, ctx, 'prices.requestSpecial', { projectId: unit.projectId, input })
    return notify(tx, ctx, membersWithRole(tx, unit.projectId, ['director']), {
      type: 'special_price_requested',
      projectId: unit.projectId,
      requestId: id,
      unit: unitLabel(unit),
      priceFen: input.priceFen,
      quoteFen: q.priceFen,
      consultant: { id: me.id, name: me.name },
      at: ctx.now.toISOString(),
    })
  })
  send()
  return { requestId: id }
}

function loadSpecial(ctx: ServiceContext, db: DbOrTx, requestId: string): SpecialRow {
  const row = db.select().from(specialPrices).where(eq(specialPrices.id, requestId)).get()
  if (!row) fail('NOT_FOUND', 'special.notFound')
  assertProjectAccess(ctx, row.projectId)
  return row
}

/** CONTRACT.md `prices.decideSpecial`: the director approves (usable once, for the validity) or rejects. */
export function decideSpecial({ ctx, input }: { ctx: UserServiceContext; input: SpecialPriceDecideInput }) {
  const request = loadSpecial(ctx, ctx.db, input.requestId)
  const validDays = configOf(ctx, request.projectId).settings.sales.specialPriceValidDays
  const validUntil = input.approve ? new Date(ctx.now.getTime() + validDays * DAY_MS).toISOString() : null
  const send = ctx.db.transaction((tx) => {
    // Read again inside the write: two directors deciding at once, the second finds it decided.
    const current = loadSpecial(ctx, tx, request.id)
    if (current.status !== 'pending')
      fail('CONFLICT', 'special.notPending', {
        status: SPECIAL_PRICE_STATUS_LABELS[specialStatus(current, ctx.now)],
      })
    tx.update(specialPrices)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: ctx.actor.user.id,
        decidedAt: ctx.now.toISOString(),
        note: input.note || null,
        validUntil,
      })
      .where(eq(specialPrices.id, request.id))
      .run()
    audit(tx, ctx, 'prices.decideSpecial', { projectId: request.projectId, input })
    const unit = loadUnit(ctx, tx, request.unitId)
    return notify(tx, ctx, [request.consultantId], {
      type: 'special_price_decided',
      projectId: request.projectId,
      requestId: request.id,
      unit: unitLabel(unit),
      priceFen: request.priceFen,
      approved: input.approve,
      note: input.note || null,
      validUntil,
      at: ctx.now.toISOString(),
    })
  })
  send()
  return { ok: true as const }
}

/**
 * The special prices of a project, newest first: a consultant sees their own requests; an
 * assistant, a manager and a director all of them (the assistant checks them at signing).
 */
export function listSpecial({ ctx, input }: { ctx: UserServiceContext; input: SpecialPriceListInput }) {
  const me = ctx.actor.user
  const rows = ctx.db
    .select({ r: specialPrices, unit: units, customer: customers })
    .from(specialPrices)
    .innerJoin(units, eq(units.id, specialPrices.unitId))
    .innerJoin(customers, eq(customers.id, specialPrices.customerId))
    .where(
      and(
        eq(specialPrices.projectId, input.projectId),
        me.role === 'consultant' ? eq(specialPrices.consultantId, me.id) : undefined,
      ),
    )
    .orderBy(desc(specialPrices.createdAt))
    .limit(500)
    .all()
    .map((row) => ({ ...row, status: specialStatus(row.r, ctx.now) }))
    .filter((row) => !input.status || row.status === input.status)
  const names = namesOf(
    ctx.db,
    rows.flatMap(({ r }) => [r.consultantId, r.decidedBy]),
  )
  return rows.map(({ r, unit, customer, status }) => ({
    requestId: r.id,
    unitId: r.unitId,
    unit: unitLabel(unit),
    customerId: r.customerId,
    customerName: displayName(customer),
    consultantName: names.get(r.consultantId) ?? '',
    paymentMethod: r.paymentMethod,
    listPriceFen: unit.listPriceFen,
    quoteFen: r.quoteFen,
    priceFen: r.priceFen,
    reason: r.reason,
    status,
    decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? '') : null,
    decidedAt: r.decidedAt,
    note: r.note,
    validUntil: r.validUntil,
    usedByDealId: r.usedByDealId,
    createdAt: r.createdAt,
  }))
}
