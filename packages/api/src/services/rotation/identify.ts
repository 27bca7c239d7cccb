import { and, eq } from 'drizzle-orm'
import { hashPin, projectMembers, users } from '@anchang/db'
import type { Context } from '../../context'
import { fail } from '../../errors'
import { minutesToWait } from '../../throttle'

export interface DutyConsultant {
  id: string
  name: string
}

/**
 * The consultant a kiosk PIN names, among the kiosk's project's active consultants. Five wrong
 * PINs in a row lock PIN entry on that kiosk for five minutes.
 */
export function consultantByPin(ctx: Context, deviceId: string, projectId: string, pin: string): DutyConsultant {
  const throttle = ctx.deps.throttles.kioskPin
  const now = ctx.now.getTime()
  const wait = throttle.retryAfter(deviceId, now)
  if (wait > 0) fail('TOO_MANY_REQUESTS', 'rotation.pinLocked', { minutes: minutesToWait(wait) })
  const found = ctx.db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .innerJoin(projectMembers, and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, projectId)))
    .where(eq(users.pinHash, hashPin(pin)))
    .get()
  if (!found || !found.active || found.role !== 'consultant') {
    throttle.fail(deviceId, now)
    fail('BAD_REQUEST', 'rotation.wrongPin')
  }
  throttle.succeed(deviceId)
  return { id: found.id, name: found.name }
}
