import { newId } from '@anchang/db'
import type { OverrideInput } from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { recordRotationEvent } from './record'

type ReasonedInput<K extends string> = { projectId: string; reason: string } & Record<K, string>

/** A manager's override, always with a written reason: reorder, reassign a reception, or grant a turn. */
export async function override({ ctx, input }: { ctx: UserServiceContext; input: OverrideInput }) {
  const { projectId, consultantId, reason } = input
  const event =
    input.action === 'move'
      ? ({ type: 'move', consultantId, toPosition: input.toPosition, reason } as const)
      : input.action === 'reassign'
        ? ({
            type: 'reassign',
            receptionId: input.receptionId,
            consultantId,
            reason,
            newReceptionId: newId(),
          } as const)
        : ({ type: 'grantTurn', consultantId, reason } as const)
  await recordRotationEvent(ctx, projectId, 'rotation.override', event, input)
  return { ok: true as const }
}

export async function missedTurn({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ReasonedInput<'receptionId'>
}) {
  await recordRotationEvent(
    ctx,
    input.projectId,
    'rotation.missedTurn',
    { type: 'missedTurn', receptionId: input.receptionId, reason: input.reason },
    input,
  )
  return { ok: true as const }
}

export async function undoAssignment({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ReasonedInput<'receptionId'>
}) {
  await recordRotationEvent(
    ctx,
    input.projectId,
    'rotation.undo',
    { type: 'undo', receptionId: input.receptionId, reason: input.reason },
    input,
  )
  return { ok: true as const }
}

export async function leaveLine({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ReasonedInput<'waitingId'>
}) {
  await recordRotationEvent(
    ctx,
    input.projectId,
    'rotation.leaveLine',
    { type: 'leaveLine', waitingId: input.waitingId, reason: input.reason },
    input,
  )
  return { ok: true as const }
}

/**
 * A manager signs a consultant out of today's rotation, with a reason: gone home sick, called away.
 * Someone mid-reception may be signed out too; that visitor is left for a manager to reassign, and
 * the project's managers are told so.
 */
export async function signOutConsultant({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ReasonedInput<'consultantId'>
}) {
  await recordRotationEvent(
    ctx,
    input.projectId,
    'rotation.signOutConsultant',
    { type: 'signOut', consultantId: input.consultantId, reason: input.reason },
    input,
  )
  return { ok: true as const }
}
