import { and, eq } from 'drizzle-orm'
import { hashPin, projectMembers, users } from '@anchang/db'
import { fail } from '@anchang/shared'
import type { ServiceContext } from '../context'
import { minutesToWait } from '../../throttle'

export interface DutyConsultant {
  id: string
  name: string
}

/**
 * The consultant a kiosk PIN names, among the kiosk's project's active consultants. Five wrong
 * PINs in a row lock PIN entry on that kiosk for five minutes.
 */
export function consultantByPin(ctx: ServiceContext, deviceId: string, projectId: string, pin: string): DutyConsultant {
  const throttle = ctx.deps.throttles.kioskPin
  const now = ctx.now.getTime()
  const wait = throttle.attempt(deviceId, now)
  if (wait > 0) fail('TOO_MANY_REQUESTS', 'rotation.pinLocked', { minutes: minutesToWait(wait) })
  const found = ctx.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .innerJoin(projectMembers, and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, projectId)))
    .where(and(eq(users.pinHash, hashPin(pin)), eq(users.active, true), eq(users.role, 'consultant')))
    .get()
  if (!found) fail('BAD_REQUEST', 'rotation.wrongPin')
  throttle.succeed(deviceId)
  return { id: found.id, name: found.name }
}
