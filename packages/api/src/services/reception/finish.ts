import { eq } from 'drizzle-orm'
import { customers, receptions, type Tx } from '@anchang/db'
import { fail, ownershipAfterReception, type FinishInput } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { logActivity, ownershipOf, saveOwnership } from '../customers/book'
import { deliverNotices, persistDecisions } from '../rotation/effects'
import { eventActor } from '../rotation/record'

/**
 * The receiving consultant closes the reception: valid with a grade, or invalid. An invalid one
 * that used a turn gives it back (补位); a valid one decides or renews the customer's ownership.
 */
export async function finishReception({ ctx, input }: { ctx: UserServiceContext; input: FinishInput }) {
  const row = ctx.db.select().from(receptions).where(eq(receptions.id, input.receptionId)).get()
  if (!row) fail('NOT_FOUND', 'rotation.receptionNotOpen')
  assertProjectAccess(ctx, row.projectId)
  if (row.consultantId !== ctx.actor.user.id) fail('FORBIDDEN', 'rotation.notYourReception')
  if (row.status === 'reassigned') fail('CONFLICT', 'rotation.receptionMoved')
  if (row.status !== 'open') fail('CONFLICT', 'rotation.alreadyFinished')
  if (input.result === 'valid' && !input.grade) fail('BAD_REQUEST', 'rotation.gradeRequired')
  const grade = input.result === 'valid' ? (input.grade ?? null) : null
  const hub = ctx.deps.rotation
  const day = hub.day(row.projectId, ctx.now)
  const at = ctx.now.toISOString()

  const recordOutcome = (tx: Tx) => {
    tx.update(receptions)
      .set({ grade, note: input.note ?? null })
      .where(eq(receptions.id, row.id))
      .run()
    if (!row.customerId) return
    const customer = tx.select().from(customers).where(eq(customers.id, row.customerId)).get()
    if (!customer) return
    // The visit happened when the consultant took the visitor: the contact dates from then.
    const visitedAt = new Date(row.assignedAt)
    const next = ownershipAfterReception(
      ownershipOf(customer),
      { consultantId: row.consultantId, result: input.result, grade, at: visitedAt },
      ctx.now,
      day.config.settings.ownership,
    )
    saveOwnership(tx, customer.id, next, day.config, at)
    // The timeline keeps the visit or call; an invalid one (a courier, a surveyor) is no contact.
    if (input.result === 'valid') {
      logActivity(tx, ctx, day.config.timeZone, {
        projectId: row.projectId,
        customerId: customer.id,
        type: row.kind,
        happenedAt: visitedAt,
        consultantId: row.consultantId,
        grade,
        note: input.note ?? null,
        receptionId: row.id,
      })
    }
  }

  if (day.state.receptions.has(row.id)) {
    const finished = hub.commit(
      row.projectId,
      ctx.now,
      eventActor(ctx),
      { type: 'finish', receptionId: row.id, result: input.result, grade },
      (tx, decisions, day, event) => {
        const notices = persistDecisions(tx, hub, day, decisions, event)
        recordOutcome(tx)
        audit(tx, ctx, 'reception.finish', { projectId: row.projectId, input })
        hub.addDuration(day, row.assignedAt, at)
        return notices
      },
    )
    // A double tap sends two finishes in one batch: the second finds the reception already closed.
    const { result } = await finished.catch((error: unknown) => {
      const now = ctx.db
        .select({ status: receptions.status })
        .from(receptions)
        .where(eq(receptions.id, row.id))
        .get()
      if (now?.status === 'finished') fail('CONFLICT', 'rotation.alreadyFinished')
      throw error
    })
    deliverNotices(hub, result)
  } else {
    // A reception left open from an earlier day: its queue is gone, only the record is closed.
    ctx.db.transaction((tx) => {
      tx.update(receptions)
        .set({ status: 'finished', finishedAt: at, result: input.result })
        .where(eq(receptions.id, row.id))
        .run()
      recordOutcome(tx)
      audit(tx, ctx, 'reception.finish', { projectId: row.projectId, input })
    })
  }
  return { ok: true as const }
}
