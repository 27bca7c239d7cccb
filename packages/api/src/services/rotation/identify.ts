import { and, eq } from 'drizzle-orm'
import { hashPin, projectMembers, users } from '@anchang/db'
import { fail, positionOf } from '@anchang/shared'
import { audit } from '../audit'
import type { DeviceServiceContext, ServiceContext } from '../context'
import { minutesToWait } from '../../throttle'

export interface DutyConsultant {
  id: string
  name: string
}

/**
 * The consultant a kiosk PIN names, among the kiosk's project's active consultants. Five wrong
 * PINs in a row lock PIN entry on that kiosk for five minutes.
 */
export function consultantByPin(
  ctx: ServiceContext,
  deviceId: string,
  projectId: string,
  pin: string,
): DutyConsultant {
  const throttle = ctx.deps.throttles.kioskPin
  const now = ctx.now.getTime()
  const wait = throttle.attempt(deviceId, now)
  if (wait > 0) fail('TOO_MANY_REQUESTS', 'rotation.pinLocked', { minutes: minutesToWait(wait) })
  const found = ctx.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, projectId)),
    )
    .where(and(eq(users.pinHash, hashPin(pin)), eq(users.active, true), eq(users.role, 'consultant')))
    .get()
  if (!found) fail('BAD_REQUEST', 'rotation.wrongPin')
  throttle.succeed(deviceId)
  return { id: found.id, name: found.name }
}

/** Where a consultant stands today, as the kiosk greets them after their PIN. */
export type DutyStanding = 'available' | 'receiving' | 'break' | 'signedOut'

/**
 * `kiosk.identify`: the PIN is checked when it is typed, not after an action is
 * picked (the same lock after five wrong ones holds). Answers who the PIN names and what applies to
 * them now, so the kiosk offers only those actions and can say "you are next".
 */
export function identifyByPin({ ctx, input }: { ctx: DeviceServiceContext; input: { pin: string } }) {
  const { projectId } = ctx.actor.device
  const consultant = consultantByPin(ctx, ctx.actor.device.id, projectId, input.pin)
  const { state } = ctx.deps.rotation.day(projectId, ctx.now)
  const onDuty = state.consultants.get(consultant.id)
  const firstFree = state.order.find((id) => state.consultants.get(id)?.status === 'available')
  ctx.db.transaction((tx) =>
    audit(tx, ctx, 'kiosk.identify', { projectId, input: { consultantId: consultant.id } }),
  )
  return {
    consultant,
    standing: (onDuty?.status ?? 'signedOut') as DutyStanding,
    position: positionOf(state, consultant.id),
    /** The next walk-in is theirs (first free consultant in the queue). */
    next: firstFree === consultant.id,
  }
}
