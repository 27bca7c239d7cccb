import type { OverrideInput, RotationEventInput } from '@anchang/shared'
import { z } from 'zod'
import { TRPCError } from '@trpc/server'
import type { UserContext } from '../../trpc'
import { actorOf } from './duty'
import { auditInTransaction } from '../../audit'
import { deliverNotices, persistDecisions } from './effects'

async function record(ctx: UserContext, projectId: string, event: RotationEventInput) {
  const hub = ctx.deps.rotation
  const { result } = await hub.commit(projectId, ctx.now, actorOf(ctx), event, (tx, decisions, day, e) => {
    auditInTransaction(ctx)
    return persistDecisions(tx, hub, day, decisions, e.at)
  })
  deliverNotices(hub, result)
  return { ok: true as const }
}

function missing(field: 'toPosition' | 'receptionId'): never {
  const issue = z.object({ [field]: z.string() }).safeParse({})
  throw new TRPCError({ code: 'BAD_REQUEST', cause: issue.error })
}

/** A manager's override, always with a written reason: reorder, reassign a reception, or grant a turn. */
export function override({ ctx, input }: { ctx: UserContext; input: OverrideInput }) {
  const { projectId, consultantId, reason } = input
  switch (input.action) {
    case 'move':
      if (input.toPosition === undefined) missing('toPosition')
      return record(ctx, projectId, { type: 'move', consultantId, toPosition: input.toPosition, reason })
    case 'reassign':
      if (!input.receptionId) missing('receptionId')
      return record(ctx, projectId, { type: 'reassign', receptionId: input.receptionId, consultantId, reason })
    case 'grantTurn':
      return record(ctx, projectId, { type: 'grantTurn', consultantId, reason })
  }
}

export function missedTurn({ ctx, input }: { ctx: UserContext; input: { projectId: string; receptionId: string; reason: string } }) {
  return record(ctx, input.projectId, { type: 'missedTurn', receptionId: input.receptionId, reason: input.reason })
}

export function undoAssignment({ ctx, input }: { ctx: UserContext; input: { projectId: string; receptionId: string; reason: string } }) {
  return record(ctx, input.projectId, { type: 'undo', receptionId: input.receptionId, reason: input.reason })
}

export function leaveLine({ ctx, input }: { ctx: UserContext; input: { projectId: string; waitingId: string; reason: string } }) {
  return record(ctx, input.projectId, { type: 'leaveLine', waitingId: input.waitingId, reason: input.reason })
}

export { record as recordRotationEvent }
