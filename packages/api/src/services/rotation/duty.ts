import { positionOf, type RotationEventInput, type SetBreakInput } from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import type { DutyConsultant } from './identify'
import { recordRotationEvent } from './record'

/** A duty call knows its project and its consultant: the one signed in, or the one a kiosk PIN named. */
export type DutyContext = ServiceContext & { duty: { projectId: string; consultant: DutyConsultant } }

function record(ctx: DutyContext, action: string, event: RotationEventInput, input: unknown = {}) {
  return recordRotationEvent(ctx, ctx.duty.projectId, action, event, {
    ...(input as object),
    consultantId: ctx.duty.consultant.id,
  })
}

/** Joins the tail of the queue; signing in twice keeps the place. A waiting visitor is taken at once. */
export async function signIn({ ctx }: { ctx: DutyContext }) {
  const { projectId, consultant } = ctx.duty
  const hub = ctx.deps.rotation
  if (hub.day(projectId, ctx.now).state.consultants.has(consultant.id)) {
    // Already in the queue: nothing changes, but the attempt is on record like any other.
    ctx.db.transaction((tx) =>
      audit(tx, ctx, 'rotation.signIn', { projectId, input: { consultantId: consultant.id, already: true } }),
    )
  } else {
    await record(ctx, 'rotation.signIn', {
      type: 'signIn',
      consultantId: consultant.id,
      name: consultant.name,
    })
  }
  return { position: positionOf(hub.day(projectId, ctx.now).state, consultant.id)!, consultant }
}

export async function setBreak({ ctx, input }: { ctx: DutyContext; input: SetBreakInput }) {
  const { consultant } = ctx.duty
  await record(
    ctx,
    'rotation.setBreak',
    input.onBreak
      ? { type: 'break', consultantId: consultant.id, reason: input.reason ?? null }
      : { type: 'back', consultantId: consultant.id },
    { onBreak: input.onBreak, reason: input.reason },
  )
  return {
    ok: true as const,
    consultant,
    position: positionOf(ctx.deps.rotation.day(ctx.duty.projectId, ctx.now).state, consultant.id),
  }
}

export async function signOut({ ctx }: { ctx: DutyContext }) {
  const { projectId, consultant } = ctx.duty
  if (ctx.deps.rotation.day(projectId, ctx.now).state.consultants.has(consultant.id)) {
    await record(ctx, 'rotation.signOut', { type: 'signOut', consultantId: consultant.id })
  } else {
    ctx.db.transaction((tx) =>
      audit(tx, ctx, 'rotation.signOut', {
        projectId,
        input: { consultantId: consultant.id, already: true },
      }),
    )
  }
  return { ok: true as const, consultant }
}
