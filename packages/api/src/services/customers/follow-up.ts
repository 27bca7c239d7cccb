import { fail, isManaging, protectedOwner, renewedBy, type FollowUpInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, loadCustomer, logActivity, ownershipOf, saveOwnership } from './book'
import { offerWaitingLine } from '../rotation/cleared'

/**
 * CONTRACT.md `customers.followUp`: a contact logged after the visit, by the owner (or a manager or
 * director). It renews protection from when it happened; one that happened before today is
 * accepted and flagged late, one in the future refused.
 */
export async function logFollowUp({ ctx, input }: { ctx: UserServiceContext; input: FollowUpInput }) {
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const me = ctx.actor.user
  if (protectedOwner(customer, ctx.now) !== me.id && !isManaging(me.role))
    fail('FORBIDDEN', 'customer.notYours')
  const happenedAt = new Date(input.happenedAt)
  if (happenedAt.getTime() > ctx.now.getTime()) fail('BAD_REQUEST', 'customer.inFuture')
  const config = configOf(ctx, customer.projectId)
  const record = renewedBy(
    ownershipOf(customer),
    { at: happenedAt, grade: input.grade, nextFollowUpOn: input.nextFollowUpOn },
    config.settings.ownership,
  )
  const result = ctx.db.transaction((tx) => {
    saveOwnership(tx, customer.id, record, config, ctx.now.toISOString())
    const logged = logActivity(tx, ctx, config.timeZone, {
      projectId: customer.projectId,
      customerId: customer.id,
      type: 'follow_up',
      happenedAt,
      consultantId: me.id,
      method: input.method,
      note: input.note,
      grade: input.grade ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
    })
    audit(tx, ctx, 'customers.followUp', { projectId: customer.projectId, input })
    return {
      activityId: logged.id,
      late: logged.late,
      protectionEndsAt: protectedOwner(record, ctx.now) ? record.protectionEndsAt : null,
    }
  })
  // The owner's last overdue follow-up may be done: if the project kept them out, they may take the waiting line.
  const ownerId = protectedOwner(record, ctx.now)
  if (ownerId && config.settings.rotation.overdueFollowUpsBlock) {
    await offerWaitingLine(ctx.deps.rotation, customer.projectId, ctx.now, ownerId)
  }
  return result
}
