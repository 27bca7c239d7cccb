import { auditLog } from '@anchang/db'
import { maskPhone, normalizePhone } from '@anchang/shared'
import type { Context } from './context'

const SECRET_KEYS = new Set(['password', 'currentPassword', 'newPassword', 'pin', 'token', 'code'])
const PHONE_KEYS = new Set(['phone', 'q'])

/** The input as the audit log keeps it: no secrets, phone numbers masked, long text cut. */
export function redact(value: unknown, key = ''): unknown {
  if (SECRET_KEYS.has(key)) return '***'
  if (typeof value === 'string') {
    const phone = PHONE_KEYS.has(key) ? normalizePhone(value) : null
    if (phone) return maskPhone(phone)
    return value.length > 200 ? `${value.slice(0, 200)}…` : value
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).slice(0, 50).map(([k, v]) => [k, redact(v, k)]))
  }
  return value
}

export function recordAudit(ctx: Context, action: string, input: unknown, ok: boolean): void {
  const { actor } = ctx
  const person = ctx.audit.actor ?? (actor.type === 'user' ? actor.user : undefined)
  const inputProject =
    input && typeof input === 'object' && 'projectId' in input && typeof input.projectId === 'string'
      ? input.projectId
      : null
  ctx.db
    .insert(auditLog)
    .values({
      at: ctx.now.toISOString(),
      actorType: person ? 'user' : actor.type === 'device' ? 'device' : 'anonymous',
      actorId: person?.id ?? (actor.type === 'device' ? actor.device.id : null),
      actorName: person?.name ?? (actor.type === 'device' ? actor.device.name : null),
      projectId: ctx.audit.projectId ?? inputProject,
      action: ok ? action : `${action}:failed`,
      summary: redact(input),
      requestId: ctx.requestId,
      ip: ctx.ip,
    })
    .run()
}
