import { and, eq, gte } from 'drizzle-orm'
import { receptions } from '@anchang/db'
import { fail, gradedAt, isManaging, protectedOwner, type QuestionnaireInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, loadCustomer, logActivity, ownershipOf, saveOwnership } from './book'

const DAY_MS = 86_400_000

/**
 * 来访登记: the visit registration (`reference/formats.md`) of a customer, by their owner, the
 * consultant who received them in the last day (a stand-in's duty reception included), or a
 * manager or director. A grade given with it is the customer's grade if it is the newest; it is a
 * record of the visit, not a new contact, so protection does not move.
 */
export function registerVisit({ ctx, input }: { ctx: UserServiceContext; input: QuestionnaireInput }) {
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const me = ctx.actor.user
  const happenedAt = new Date(input.happenedAt)
  if (happenedAt.getTime() > ctx.now.getTime()) fail('BAD_REQUEST', 'customer.inFuture')
  const received = () =>
    ctx.db
      .select({ id: receptions.id })
      .from(receptions)
      .where(
        and(
          eq(receptions.customerId, customer.id),
          eq(receptions.consultantId, me.id),
          gte(receptions.assignedAt, new Date(ctx.now.getTime() - DAY_MS).toISOString()),
        ),
      )
      .get()
  if (protectedOwner(customer, ctx.now) !== me.id && !isManaging(me.role) && !received()) {
    fail('FORBIDDEN', 'customer.notYoursToRegister')
  }
  const config = configOf(ctx, customer.projectId)
  return ctx.db.transaction((tx) => {
    if (input.grade)
      saveOwnership(
        tx,
        customer.id,
        gradedAt(ownershipOf(customer), happenedAt, input.grade),
        config,
        ctx.now.toISOString(),
      )
    const logged = logActivity(tx, ctx, config.timeZone, {
      projectId: customer.projectId,
      customerId: customer.id,
      type: 'questionnaire',
      happenedAt,
      consultantId: me.id,
      grade: input.grade ?? null,
      note: input.note ?? null,
      payload: { answers: input.answers },
    })
    audit(tx, ctx, 'customers.registerVisit', {
      projectId: customer.projectId,
      input: { customerId: input.customerId },
    })
    return { activityId: logged.id, late: logged.late }
  })
}
