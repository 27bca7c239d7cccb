import { and, desc, eq } from 'drizzle-orm'
import { deals, newId, receptions, specialPrices, type Tx } from '@anchang/db'
import { creditSplit, fail, protectedOwner, yuanText, type SubscribeInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, loadCustomer, logActivity } from '../customers/book'
import { loadUnit, unitLabel } from '../units/grid'
import { moveUnit } from '../units/status'
import { todayOf } from './deal'
import { quoteFor, specialStatus } from './pricing'

/** Why a special price named at subscription cannot be used: each a sentence of its own. */
type SpecialProblem = 'missing' | 'notApproved' | 'used' | 'expired' | 'otherDeal' | 'otherMethod'

/**
 * The stand-in whose duty reception on the owner's behalf (代接) the sale came from: the customer's
 * latest valid visit, when someone else received it for the owner.
 */
function standInFor(tx: Tx, customerId: string, ownerId: string): string | null {
  const last = tx
    .select({ consultantId: receptions.consultantId, onBehalfOf: receptions.onBehalfOf })
    .from(receptions)
    .where(and(eq(receptions.customerId, customerId), eq(receptions.result, 'valid')))
    .orderBy(desc(receptions.assignedAt))
    .get()
  return last?.onBehalfOf === ownerId && last.consultantId !== ownerId ? last.consultantId : null
}

/**
 * CONTRACT.md `deals.subscribe` (认购). The customer's owner holds the unit for them at an agreed price:
 * at or above the policy's lowest price, or at a special price the director approved for this unit and
 * customer, used once. The unit becomes subscribed in the same transaction as the deal; of two
 * subscriptions of one unit at the same instant, exactly one lands and the other is a `CONFLICT`. The
 * deposit is owed, not paid: `payments.record` records it with its receipt.
 */
export function subscribe({ ctx, input }: { ctx: UserServiceContext; input: SubscribeInput }) {
  const unit = loadUnit(ctx, ctx.db, input.unitId)
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.projectId !== unit.projectId) fail('NOT_FOUND', 'customer.notFound')
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const me = ctx.actor.user
  if (protectedOwner(customer, ctx.now) !== me.id) fail('FORBIDDEN', 'deal.notOwner')
  if (input.depositFen > input.priceFen)
    fail('BAD_REQUEST', 'deal.depositAbovePrice', {
      deposit: yuanText(input.depositFen),
      price: yuanText(input.priceFen),
    })
  const today = todayOf(ctx, unit.projectId)
  if (input.signBy < today) fail('BAD_REQUEST', 'deal.signByPast', { signBy: input.signBy })
  const quote = quoteFor(ctx, unit, input.paymentMethod)
  const dealId = newId(ctx.now.getTime())
  const at = ctx.now.toISOString()
  const moved = ctx.db.transaction((tx) => {
    let specialId: string | null = null
    if (input.priceFen < quote.priceFen) {
      if (!input.specialPriceRequestId)
        fail('BAD_REQUEST', 'deal.belowQuote', {
          price: yuanText(input.priceFen),
          quote: yuanText(quote.priceFen),
        })
      const special = tx
        .select()
        .from(specialPrices)
        .where(eq(specialPrices.id, input.specialPriceRequestId))
        .get()
      const problem: SpecialProblem | null = !special
        ? 'missing'
        : special.unitId !== unit.id || special.customerId !== customer.id
          ? 'otherDeal'
          : special.paymentMethod !== input.paymentMethod
            ? 'otherMethod'
            : special.status === 'used'
              ? 'used'
              : specialStatus(special, ctx.now) === 'expired'
                ? 'expired'
                : special.status !== 'approved'
                  ? 'notApproved'
                  : null
      if (problem || !special) fail('BAD_REQUEST', `special.${problem ?? 'missing'}`)
      if (input.priceFen < special.priceFen)
        fail('BAD_REQUEST', 'deal.priceNotSpecial', {
          price: yuanText(input.priceFen),
          special: yuanText(special.priceFen),
        })
      // Used once: the update names the status it expects, so a second use at the same instant finds none.
      const used = tx
        .update(specialPrices)
        .set({ status: 'used', usedByDealId: dealId })
        .where(eq(specialPrices.id, special.id))
        .run()
      if (!used.changes) fail('BAD_REQUEST', 'special.used')
      specialId = special.id
    }
    const gridUnit = moveUnit(tx, ctx, unit, 'subscribe', { role: me.role, userId: me.id, dealId })
    tx.insert(deals)
      .values({
        id: dealId,
        projectId: unit.projectId,
        unitId: unit.id,
        customerId: customer.id,
        consultantId: me.id,
        status: 'subscribed',
        paymentMethod: input.paymentMethod,
        priceFen: input.priceFen,
        listPriceFen: unit.listPriceFen,
        quoteFen: quote.priceFen,
        areaCentiM2: unit.areaCentiM2,
        depositFen: input.depositFen,
        signBy: input.signBy,
        specialPriceId: specialId,
        credit: creditSplit(
          me.id,
          standInFor(tx, customer.id, me.id),
          configOf(ctx, unit.projectId).settings.ownership.onBehalfOwnerSharePercent,
        ),
        subscribedAt: at,
        subscribedOn: today,
        createdAt: at,
        updatedAt: at,
      })
      .run()
    logActivity(tx, ctx, configOf(ctx, unit.projectId).timeZone, {
      projectId: unit.projectId,
      customerId: customer.id,
      type: 'subscription',
      happenedAt: ctx.now,
      consultantId: me.id,
      payload: { dealId, unit: unitLabel(unit), priceFen: input.priceFen },
    })
    audit(tx, ctx, 'deals.subscribe', { projectId: unit.projectId, input })
    return gridUnit
  })
  ctx.deps.units.publish(unit.projectId, [moved])
  return { dealId }
}
