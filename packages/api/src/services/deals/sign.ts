import { and, eq, ne } from 'drizzle-orm'
import { dealSchedule, deals } from '@anchang/db'
import {
  DEAL_STATUS_LABELS,
  addDays,
  fail,
  isManaging,
  yuanText,
  type BackdateInput,
  type OnlineSignInput,
  type SignInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, logActivity } from '../customers/book'
import { loadUnit, unitLabel } from '../units/grid'
import { moveUnit } from '../units/status'
import { assertDealHand, loadDeal, todayOf, type DealRow } from './deal'

/** How far back a contract may be dated, and whether this one is (before today, within the limit). */
function checkSignedOn(ctx: UserServiceContext, deal: DealRow, signedOn: string): void {
  const today = todayOf(ctx, deal.projectId)
  if (signedOn > today) fail('BAD_REQUEST', 'deal.signedOnFuture', { signedOn })
  if (signedOn < deal.subscribedOn)
    fail('BAD_REQUEST', 'deal.signedOnBeforeSubscription', { signedOn, subscribedOn: deal.subscribedOn })
  const days = configOf(ctx, deal.projectId).settings.sales.backdateDays
  if (signedOn < addDays(today, -days)) fail('BAD_REQUEST', 'deal.backdateTooFar', { days, signedOn })
}

/**
 * CONTRACT.md `deals.sign` (签约): the contract number (unique in the project), the date, and the
 * schedule, which adds up to the price to the fen. A contract dated before today needs a manager's
 * leave (`deals.permitBackdate`), or a manager signing; the deal keeps that it was back-dated, for the
 * reports. The unit becomes signed in the same transaction.
 */
export function sign({ ctx, input }: { ctx: UserServiceContext; input: SignInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  assertDealHand(ctx, deal, 'deal.notYoursToSign')
  if (deal.status !== 'subscribed')
    fail('CONFLICT', 'deal.notSubscribed', { status: DEAL_STATUS_LABELS[deal.status] })
  const me = ctx.actor.user
  const today = todayOf(ctx, deal.projectId)
  const signedOn = input.signedOn ?? today
  checkSignedOn(ctx, deal, signedOn)
  if (signedOn < today && !isManaging(me.role) && deal.backdateOn !== signedOn)
    fail('BAD_REQUEST', 'deal.backdateNeedsPermission', { signedOn })
  const sum = input.schedule.reduce((total, row) => total + row.amountFen, 0)
  if (sum !== deal.priceFen)
    fail('BAD_REQUEST', 'deal.scheduleSum', {
      sum: yuanText(sum),
      price: yuanText(deal.priceFen),
      diff: yuanText(Math.abs(sum - deal.priceFen)),
    })
  const early = input.schedule.findIndex((row) => row.dueOn < deal.subscribedOn)
  if (early >= 0)
    fail('BAD_REQUEST', 'deal.scheduleBeforeSubscription', {
      row: early + 1,
      dueOn: input.schedule[early]!.dueOn,
      subscribedOn: deal.subscribedOn,
    })
  const unit = loadUnit(ctx, ctx.db, deal.unitId)
  const at = ctx.now.toISOString()
  const moved = ctx.db.transaction((tx) => {
    const taken = tx
      .select({ id: deals.id })
      .from(deals)
      .where(
        and(
          eq(deals.projectId, deal.projectId),
          eq(deals.contractNo, input.contractNo),
          ne(deals.id, deal.id),
        ),
      )
      .get()
    if (taken) fail('CONFLICT', 'deal.contractTaken', { contractNo: input.contractNo })
    // The status is named in the update: a second signing of the deal at the same instant changes nothing.
    const signed = tx
      .update(deals)
      .set({
        status: 'signed',
        contractNo: input.contractNo,
        signedOn,
        signedAt: at,
        backdateBy: signedOn < today ? (deal.backdateOn === signedOn ? deal.backdateBy : me.id) : null,
        backdateOn: signedOn < today ? signedOn : null,
        onlineSignRef: input.onlineSignRef ?? null,
        onlineSignOn: input.onlineSignOn ?? null,
        updatedAt: at,
      })
      .where(and(eq(deals.id, deal.id), eq(deals.status, 'subscribed')))
      .run()
    if (!signed.changes) fail('CONFLICT', 'deal.notSubscribed', { status: DEAL_STATUS_LABELS.signed })
    tx.insert(dealSchedule)
      .values(
        input.schedule.map((row, i) => ({
          dealId: deal.id,
          seq: i + 1,
          label: row.label ?? null,
          dueOn: row.dueOn,
          amountFen: row.amountFen,
        })),
      )
      .run()
    const gridUnit = moveUnit(tx, ctx, unit, 'sign', { role: me.role, userId: me.id, dealId: deal.id })
    logActivity(tx, ctx, configOf(ctx, deal.projectId).timeZone, {
      projectId: deal.projectId,
      customerId: deal.customerId,
      type: 'signing',
      happenedAt: ctx.now,
      consultantId: deal.consultantId,
      payload: { dealId: deal.id, unit: unitLabel(unit), contractNo: input.contractNo, signedOn },
    })
    audit(tx, ctx, 'deals.sign', { projectId: deal.projectId, input })
    return gridUnit
  })
  ctx.deps.units.publish(deal.projectId, [moved])
  return { ok: true as const }
}

/** A manager's leave to date this deal's contract on an earlier day (within the project's limit). */
export function permitBackdate({ ctx, input }: { ctx: UserServiceContext; input: BackdateInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  if (!isManaging(ctx.actor.user.role)) fail('FORBIDDEN', 'auth.forbiddenRole')
  if (deal.status !== 'subscribed')
    fail('CONFLICT', 'deal.notSubscribed', { status: DEAL_STATUS_LABELS[deal.status] })
  checkSignedOn(ctx, deal, input.signedOn)
  ctx.db.transaction((tx) => {
    tx.update(deals)
      .set({ backdateOn: input.signedOn, backdateBy: ctx.actor.user.id, updatedAt: ctx.now.toISOString() })
      .where(eq(deals.id, deal.id))
      .run()
    audit(tx, ctx, 'deals.permitBackdate', { projectId: deal.projectId, input })
  })
  return { ok: true as const }
}

/** 网签: the housing authority's reference and date, entered by the assistant when they come. */
export function recordOnlineSigning({ ctx, input }: { ctx: UserServiceContext; input: OnlineSignInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  assertDealHand(ctx, deal, 'deal.notYoursToSign')
  if (deal.status !== 'signed') fail('CONFLICT', 'deal.notSigned')
  ctx.db.transaction((tx) => {
    tx.update(deals)
      .set({
        onlineSignRef: input.onlineSignRef,
        onlineSignOn: input.onlineSignOn,
        updatedAt: ctx.now.toISOString(),
      })
      .where(eq(deals.id, deal.id))
      .run()
    audit(tx, ctx, 'deals.onlineSign', { projectId: deal.projectId, input })
  })
  return { ok: true as const }
}
