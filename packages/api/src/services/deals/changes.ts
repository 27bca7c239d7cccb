import { and, desc, eq, sql } from 'drizzle-orm'
import { dealChanges, dealSchedule, deals, newId, payments, type DbOrTx, type Tx } from '@anchang/db'
import {
  DEAL_CHANGE_LABELS,
  DEAL_STATUS_LABELS,
  fail,
  yuanText,
  type DealChangeDecideInput,
  type DealChangeKind,
  type DealChangeRequestInput,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import { loadCustomer, namesOf } from '../customers/book'
import { membersWithRole, notify } from '../notify/in-app'
import type { GridUnit } from '../units/feed'
import { loadUnit, unitLabel } from '../units/grid'
import { moveUnit } from '../units/status'
import { assertDealHand, assertLive, loadDeal, todayOf, type DealRow } from './deal'
import { addPayment } from './payments'

type ChangeRow = typeof dealChanges.$inferSelect

/** Which changes a deal can take in each status: 挞定 is a subscription given up, its deposit kept. */
const CHANGES_FROM: Record<DealChangeKind, readonly DealRow['status'][]> = {
  cancel: ['subscribed', 'signed'],
  forfeit: ['subscribed'],
  changeUnit: ['subscribed', 'signed'],
  rename: ['subscribed', 'signed'],
  changePrice: ['subscribed', 'signed'],
  undo: ['subscribed', 'signed', 'cancelled', 'forfeited'],
}

/** The approved change an undo names: the deal's latest approved one (changes are undone newest first). */
function undoTarget(db: DbOrTx, deal: DealRow, changeId: string): ChangeRow {
  const latest = db
    .select()
    .from(dealChanges)
    .where(and(eq(dealChanges.dealId, deal.id), eq(dealChanges.status, 'approved')))
    .orderBy(desc(dealChanges.decidedAt))
    .all()
    .find((c) => c.kind !== 'undo')
  if (!latest || latest.id !== changeId) fail('CONFLICT', 'change.undoLatestOnly')
  return latest
}

function assertChangeFits(
  ctx: ServiceContext,
  deal: DealRow,
  kind: DealChangeKind,
  details: ChangeRow['details'],
) {
  if (kind === 'undo') undoTarget(ctx.db, deal, details.changeId!)
  else assertLive(deal)
  if (!CHANGES_FROM[kind].includes(deal.status))
    fail('CONFLICT', 'change.notForStatus', {
      status: DEAL_STATUS_LABELS[deal.status],
      change: DEAL_CHANGE_LABELS[kind],
    })
  if (details.priceFen !== undefined && details.priceFen < deal.paidFen)
    fail('BAD_REQUEST', 'payment.overOwed', {
      amount: yuanText(deal.paidFen),
      owed: yuanText(details.priceFen),
    })
  if (details.customerId) {
    const customer = loadCustomer(ctx, details.customerId)
    if (customer.projectId !== deal.projectId) fail('NOT_FOUND', 'customer.notFound')
    if (customer.id === deal.customerId) fail('BAD_REQUEST', 'change.sameCustomer')
  }
  if (details.unitId) {
    const unit = loadUnit(ctx, ctx.db, details.unitId)
    if (unit.projectId !== deal.projectId) fail('NOT_FOUND', 'unit.notFound')
  }
}

/** `deals.requestChange`: 退房, 挞定, 换房, 更名 or 调价, asked by the deal's consultant or the office. */
export function requestChange({ ctx, input }: { ctx: UserServiceContext; input: DealChangeRequestInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  assertDealHand(ctx, deal, 'change.notYours')
  const details = {
    ...('unitId' in input ? { unitId: input.unitId } : {}),
    ...('priceFen' in input ? { priceFen: input.priceFen } : {}),
    ...('customerId' in input ? { customerId: input.customerId } : {}),
    ...('changeId' in input ? { changeId: input.changeId } : {}),
  }
  assertChangeFits(ctx, deal, input.kind, details)
  const me = ctx.actor.user
  const changeId = newId(ctx.now.getTime())
  const unit = loadUnit(ctx, ctx.db, deal.unitId)
  const send = ctx.db.transaction((tx) => {
    const open = tx
      .select({ id: dealChanges.id })
      .from(dealChanges)
      .where(and(eq(dealChanges.dealId, deal.id), eq(dealChanges.status, 'pending')))
      .get()
    if (open) fail('CONFLICT', 'change.pendingExists')
    tx.insert(dealChanges)
      .values({
        id: changeId,
        projectId: deal.projectId,
        dealId: deal.id,
        kind: input.kind,
        status: 'pending',
        reason: input.reason,
        details,
        requestedBy: me.id,
        requestedAt: ctx.now.toISOString(),
      })
      .run()
    audit(tx, ctx, 'deals.requestChange', { projectId: deal.projectId, input })
    return notify(tx, ctx, membersWithRole(tx, deal.projectId, ['director']), {
      type: 'deal_change_requested',
      projectId: deal.projectId,
      changeId,
      dealId: deal.id,
      kind: input.kind,
      unit: unitLabel(unit),
      by: { id: me.id, name: me.name },
      at: ctx.now.toISOString(),
    })
  })
  send()
  return { changeId }
}

/** A signed deal's schedule follows a new price: the difference goes to the last instalment. */
function rebaseSchedule(tx: Tx, deal: DealRow, priceFen: number): void {
  if (deal.status !== 'signed' || priceFen === deal.priceFen) return
  const last = tx
    .select()
    .from(dealSchedule)
    .where(eq(dealSchedule.dealId, deal.id))
    .orderBy(desc(dealSchedule.seq))
    .get()
  if (!last) return
  const amountFen = last.amountFen + priceFen - deal.priceFen
  if (amountFen < 0)
    fail('BAD_REQUEST', 'deal.scheduleSum', {
      sum: yuanText(deal.priceFen),
      price: yuanText(priceFen),
      diff: yuanText(deal.priceFen - priceFen),
    })
  tx.update(dealSchedule)
    .set({ amountFen })
    .where(and(eq(dealSchedule.dealId, deal.id), eq(dealSchedule.seq, last.seq)))
    .run()
}

/** Carries an approved change out on the deal, the units and the money; returns the units that moved. */
function applyChange(tx: Tx, ctx: UserServiceContext, deal: DealRow, change: ChangeRow): GridUnit[] {
  const by = { role: ctx.actor.user.role, userId: ctx.actor.user.id, dealId: deal.id, reason: change.reason }
  const at = ctx.now.toISOString()
  const unit = loadUnit(ctx, tx, deal.unitId)
  const release = deal.status === 'signed' ? 'cancelSigning' : 'cancelSubscription'
  const today = todayOf(ctx, deal.projectId)
  switch (change.kind) {
    case 'cancel':
    case 'forfeit': {
      const moved = moveUnit(tx, ctx, unit, release, by)
      // 退房 refunds everything received; 挞定 keeps the deposit and refunds anything beyond it.
      const refund = change.kind === 'cancel' ? deal.paidFen : deal.paidFen - deal.depositFen
      if (refund > 0)
        addPayment(tx, ctx, deal, {
          amountFen: refund,
          direction: 'refund',
          method: 'transfer',
          kind: 'refund',
          paidOn: today,
        })
      tx.update(deals)
        .set({ status: change.kind === 'cancel' ? 'cancelled' : 'forfeited', closedAt: at, updatedAt: at })
        .where(eq(deals.id, deal.id))
        .run()
      return [moved]
    }
    case 'changeUnit': {
      const next = loadUnit(ctx, tx, change.details.unitId!)
      const priceFen = change.details.priceFen!
      const out = moveUnit(tx, ctx, unit, release, by)
      let into = moveUnit(tx, ctx, next, 'subscribe', by)
      if (deal.status === 'signed') into = moveUnit(tx, ctx, next, 'sign', by)
      rebaseSchedule(tx, deal, priceFen)
      // The money received stays on the deal: carried over to the new unit.
      tx.update(deals)
        .set({
          unitId: next.id,
          priceFen,
          listPriceFen: next.listPriceFen,
          areaCentiM2: next.areaCentiM2,
          updatedAt: at,
        })
        .where(eq(deals.id, deal.id))
        .run()
      return [out, into]
    }
    case 'rename':
      tx.update(deals)
        .set({ customerId: change.details.customerId!, updatedAt: at })
        .where(eq(deals.id, deal.id))
        .run()
      return []
    case 'changePrice':
      rebaseSchedule(tx, deal, change.details.priceFen!)
      tx.update(deals)
        .set({ priceFen: change.details.priceFen!, updatedAt: at })
        .where(eq(deals.id, deal.id))
        .run()
      return []
    case 'undo':
      return undoChange(tx, ctx, deal, undoTarget(tx, deal, change.details.changeId!), by)
  }
}

/**
 * Takes an approved change back, from the deal as it was before it (`before`): a cancelled or forfeited
 * deal holds its unit again if nobody has taken it meanwhile, and its refund receipt is voided (the
 * money stays); a moved deal goes back to its first unit; a rename or a price change is reversed.
 */
function undoChange(
  tx: Tx,
  ctx: UserServiceContext,
  deal: DealRow,
  target: ChangeRow,
  by: Parameters<typeof moveUnit>[4],
): GridUnit[] {
  const before = target.before!
  const at = ctx.now.toISOString()
  const moved: GridUnit[] = []
  const holdAgain = (unitId: string) => {
    const unit = loadUnit(ctx, tx, unitId)
    moved.push(moveUnit(tx, ctx, unit, 'subscribe', by))
    if (before.status === 'signed') moved.push(moveUnit(tx, ctx, unit, 'sign', by))
  }
  switch (target.kind) {
    case 'cancel':
    case 'forfeit': {
      holdAgain(deal.unitId)
      const refunds = tx
        .select()
        .from(payments)
        .where(
          and(eq(payments.dealId, deal.id), eq(payments.direction, 'refund'), eq(payments.status, 'valid')),
        )
        .all()
        .filter((p) => p.createdAt >= (target.decidedAt ?? ''))
      for (const refund of refunds) {
        tx.update(payments)
          .set({ status: 'void', voidedAt: at, voidedBy: ctx.actor.user.id, voidReason: target.reason })
          .where(eq(payments.id, refund.id))
          .run()
        tx.update(deals)
          .set({ paidFen: sql`${deals.paidFen} + ${refund.amountFen}` })
          .where(eq(deals.id, deal.id))
          .run()
      }
      tx.update(deals)
        .set({ status: before.status, closedAt: null, updatedAt: at })
        .where(eq(deals.id, deal.id))
        .run()
      break
    }
    case 'changeUnit': {
      const release = deal.status === 'signed' ? 'cancelSigning' : 'cancelSubscription'
      moved.push(moveUnit(tx, ctx, loadUnit(ctx, tx, deal.unitId), release, by))
      holdAgain(before.unitId)
      const first = loadUnit(ctx, tx, before.unitId)
      rebaseSchedule(tx, deal, before.priceFen)
      tx.update(deals)
        .set({
          unitId: first.id,
          priceFen: before.priceFen,
          listPriceFen: first.listPriceFen,
          areaCentiM2: first.areaCentiM2,
          updatedAt: at,
        })
        .where(eq(deals.id, deal.id))
        .run()
      break
    }
    case 'rename':
      tx.update(deals)
        .set({ customerId: before.customerId, updatedAt: at })
        .where(eq(deals.id, deal.id))
        .run()
      break
    case 'changePrice':
      rebaseSchedule(tx, deal, before.priceFen)
      tx.update(deals).set({ priceFen: before.priceFen, updatedAt: at }).where(eq(deals.id, deal.id)).run()
      break
    case 'undo':
      break
  }
  tx.update(dealChanges).set({ status: 'undone' }).where(eq(dealChanges.id, target.id)).run()
  return moved
}

/** `deals.decideChange`: the director approves (the change is carried out at once) or rejects it. */
export function decideChange({ ctx, input }: { ctx: UserServiceContext; input: DealChangeDecideInput }) {
  const first = ctx.db.select().from(dealChanges).where(eq(dealChanges.id, input.changeId)).get()
  if (!first) fail('NOT_FOUND', 'change.notFound')
  assertProjectAccess(ctx, first.projectId)
  const { moved, send } = ctx.db.transaction((tx) => {
    const change = tx.select().from(dealChanges).where(eq(dealChanges.id, first.id)).get()!
    if (change.status !== 'pending') fail('CONFLICT', 'change.notPending')
    const deal = loadDeal(ctx, tx, change.dealId)
    let moved: GridUnit[] = []
    if (input.approve) {
      assertChangeFits(ctx, deal, change.kind, change.details)
      moved = applyChange(tx, ctx, deal, change)
    }
    tx.update(dealChanges)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: ctx.actor.user.id,
        decidedAt: ctx.now.toISOString(),
        note: input.note || null,
        before: input.approve
          ? { unitId: deal.unitId, priceFen: deal.priceFen, customerId: deal.customerId, status: deal.status }
          : null,
      })
      .where(eq(dealChanges.id, change.id))
      .run()
    audit(tx, ctx, 'deals.decideChange', { projectId: change.projectId, input })
    const unit = loadUnit(ctx, tx, deal.unitId)
    const send = notify(tx, ctx, [deal.consultantId, change.requestedBy], {
      type: 'deal_change_decided',
      projectId: change.projectId,
      changeId: change.id,
      dealId: deal.id,
      kind: change.kind,
      unit: unitLabel(unit),
      approved: input.approve,
      note: input.note || null,
      at: ctx.now.toISOString(),
    })
    return { moved, send }
  })
  send()
  ctx.deps.units.publish(first.projectId, moved)
  return { ok: true as const }
}

/** The changes waiting for a decision in a project (the director's approvals), oldest first. */
export function pendingChanges({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const rows = ctx.db
    .select({ change: dealChanges, deal: deals })
    .from(dealChanges)
    .innerJoin(deals, eq(deals.id, dealChanges.dealId))
    .where(and(eq(dealChanges.projectId, input.projectId), eq(dealChanges.status, 'pending')))
    .orderBy(sql`${dealChanges.requestedAt} asc`)
    .limit(500)
    .all()
  const names = namesOf(
    ctx.db,
    rows.flatMap((r) => [r.change.requestedBy, r.deal.consultantId]),
  )
  return rows.map(({ change, deal }) => ({
    changeId: change.id,
    dealId: deal.id,
    kind: change.kind,
    reason: change.reason,
    details: change.details,
    unit: unitLabel(loadUnit(ctx, ctx.db, deal.unitId)),
    priceFen: deal.priceFen,
    paidFen: deal.paidFen,
    status: deal.status,
    consultantName: names.get(deal.consultantId) ?? '',
    requestedByName: names.get(change.requestedBy) ?? '',
    requestedAt: change.requestedAt,
  }))
}
