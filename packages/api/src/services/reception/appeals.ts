import { and, desc, eq } from 'drizzle-orm'
import { appeals, newId, notifications, receptions, users, type Tx } from '@anchang/db'
import { fail, type NoticePayload } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { eventActor } from '../rotation/record'

/** A consultant disputes a decision about one of their receptions. */
export function fileAppeal({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { receptionId: string; text: string }
}) {
  const reception = ctx.db.select().from(receptions).where(eq(receptions.id, input.receptionId)).get()
  if (!reception) fail('NOT_FOUND', 'rotation.receptionNotOpen')
  assertProjectAccess(ctx, reception.projectId)
  const involved =
    reception.consultantId === ctx.actor.user.id ||
    (reception.missedBy ?? []).includes(ctx.actor.user.id) ||
    reception.queueBefore[0] === ctx.actor.user.id ||
    reception.onBehalfOf === ctx.actor.user.id
  if (!involved) fail('FORBIDDEN', 'rotation.notYourAppeal')
  const open = ctx.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(
      and(
        eq(appeals.receptionId, reception.id),
        eq(appeals.consultantId, ctx.actor.user.id),
        eq(appeals.status, 'open'),
      ),
    )
    .get()
  if (open) fail('CONFLICT', 'rotation.appealExists')
  const id = newId()
  ctx.db.transaction((tx) => {
    tx.insert(appeals)
      .values({
        id,
        projectId: reception.projectId,
        receptionId: reception.id,
        consultantId: ctx.actor.user.id,
        text: input.text,
        createdAt: ctx.now.toISOString(),
        status: 'open',
      })
      .run()
    audit(tx, ctx, 'reception.appeal', { projectId: reception.projectId, input })
  })
  return { id }
}

export function listAppeals({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; status?: 'open' | 'accepted' | 'rejected' | undefined }
}) {
  const mine = ctx.actor.user.role === 'consultant'
  const rows = ctx.db
    .select({ appeal: appeals, consultantName: users.name, reception: receptions })
    .from(appeals)
    .innerJoin(users, eq(users.id, appeals.consultantId))
    .innerJoin(receptions, eq(receptions.id, appeals.receptionId))
    .where(
      and(
        eq(appeals.projectId, input.projectId),
        input.status ? eq(appeals.status, input.status) : undefined,
        mine ? eq(appeals.consultantId, ctx.actor.user.id) : undefined,
      ),
    )
    .orderBy(desc(appeals.createdAt))
    .limit(200)
    .all()
  return rows.map(({ appeal, consultantName, reception }) => ({
    ...appeal,
    consultantName,
    reception: {
      id: reception.id,
      date: reception.date,
      reason: reception.reason,
      result: reception.result,
      consultantId: reception.consultantId,
      assignedAt: reception.assignedAt,
    },
  }))
}

/**
 * The manager answers; an accepted appeal may give the consultant the next turn (recorded in the
 * rotation log as a granted turn with the appeal as its reason).
 */
export async function answerAppeal({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { appealId: string; accepted: boolean; answer: string; grantTurn: boolean }
}) {
  const appeal = ctx.db.select().from(appeals).where(eq(appeals.id, input.appealId)).get()
  if (!appeal) fail('NOT_FOUND', 'rotation.appealNotFound')
  assertProjectAccess(ctx, appeal.projectId)
  if (appeal.status !== 'open') fail('CONFLICT', 'rotation.appealAnswered')
  const grant = input.accepted && input.grantTurn
  const at = ctx.now.toISOString()
  const notice: NoticePayload = {
    type: 'appeal_answered',
    projectId: appeal.projectId,
    appealId: appeal.id,
    accepted: input.accepted,
    answer: input.answer,
    grantedTurn: grant,
    at,
  }
  const answer = (tx: Tx) => {
    // Asked again inside the write: a granted turn waits for the next group commit, and a second
    // answer sent meanwhile must find the appeal answered.
    const current = tx.select({ status: appeals.status }).from(appeals).where(eq(appeals.id, appeal.id)).get()
    if (current?.status !== 'open') fail('CONFLICT', 'rotation.appealAnswered')
    tx.update(appeals)
      .set({
        status: input.accepted ? 'accepted' : 'rejected',
        answer: input.answer,
        answeredBy: ctx.actor.user.id,
        answeredAt: at,
        grantedTurn: grant,
      })
      .where(eq(appeals.id, appeal.id))
      .run()
    tx.insert(notifications)
      .values({
        userId: appeal.consultantId,
        projectId: appeal.projectId,
        type: 'appeal_answered',
        payload: notice,
        createdAt: at,
      })
      .run()
    audit(tx, ctx, 'reception.answerAppeal', { projectId: appeal.projectId, input })
  }
  // The granted turn and the answer are one write: both or neither.
  if (grant) {
    const hub = ctx.deps.rotation
    await hub.commit(
      appeal.projectId,
      ctx.now,
      eventActor(ctx),
      { type: 'grantTurn', consultantId: appeal.consultantId, reason: `申诉：${input.answer}` },
      (tx) => answer(tx),
    )
  } else {
    ctx.db.transaction(answer)
  }
  ctx.deps.rotation.notifyUser(appeal.consultantId, notice)
  return { ok: true as const }
}
