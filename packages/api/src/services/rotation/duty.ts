import { positionOf, type SetBreakInput } from '@anchang/shared'
import type { Context } from '../../context'
import type { DutyConsultant } from './identify'
import { auditInTransaction } from '../../audit'
import { deliverNotices, persistDecisions } from './effects'

type DutyContext = Context & { duty: { projectId: string; consultant: DutyConsultant } }

function actorOf(ctx: Context) {
  return ctx.actor.type === 'device'
    ? { type: 'device' as const, id: ctx.actor.device.id }
    : { type: 'user' as const, id: ctx.actor.type === 'user' ? ctx.actor.user.id : null }
}

async function record(ctx: DutyContext, input: Parameters<Context['deps']['rotation']['commit']>[3]) {
  const { projectId } = ctx.duty
  const hub = ctx.deps.rotation
  const { result } = await hub.commit(projectId, ctx.now, actorOf(ctx), input, (tx, decisions, day, event) => {
    auditInTransaction(ctx)
    return persistDecisions(tx, hub, day, decisions, event.at)
  })
  deliverNotices(hub, result)
}

/** Joins the tail of the queue; signing in twice keeps the place. A waiting visitor is taken at once. */
export async function signIn({ ctx }: { ctx: DutyContext }) {
  const { projectId, consultant } = ctx.duty
  const hub = ctx.deps.rotation
  if (!hub.day(projectId, ctx.now).state.consultants.has(consultant.id)) {
    await record(ctx, { type: 'signIn', consultantId: consultant.id, name: consultant.name })
  }
  return { position: positionOf(hub.day(projectId, ctx.now).state, consultant.id)!, consultant }
}

export async function setBreak({ ctx, input }: { ctx: DutyContext; input: SetBreakInput }) {
  const { consultant } = ctx.duty
  await record(
    ctx,
    input.onBreak
      ? { type: 'break', consultantId: consultant.id, reason: input.reason ?? null }
      : { type: 'back', consultantId: consultant.id },
  )
  return { ok: true as const, consultant, position: positionOf(ctx.deps.rotation.day(ctx.duty.projectId, ctx.now).state, consultant.id) }
}

export async function signOut({ ctx }: { ctx: DutyContext }) {
  const { projectId, consultant } = ctx.duty
  if (ctx.deps.rotation.day(projectId, ctx.now).state.consultants.has(consultant.id)) {
    await record(ctx, { type: 'signOut', consultantId: consultant.id })
  }
  return { ok: true as const, consultant }
}

export { actorOf }
