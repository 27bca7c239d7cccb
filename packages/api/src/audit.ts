import { maskPhone, normalizePhone } from '@anchang/shared'
import type { Context } from './context'
import { prepared } from './prepared'

const SECRET_KEYS = new Set(['password', 'currentPassword', 'newPassword', 'pin', 'token'])
/** Where `code` is a secret (a pairing code) rather than a name (a project code). */
const SECRET_CODE_ACTIONS = new Set(['devices.claim'])
const PHONE_KEYS = new Set(['phone', 'q'])

/** The input as the audit log keeps it: no secrets, phone numbers masked, long text cut. */
export function redact(value: unknown, key = '', secrets: ReadonlySet<string> = SECRET_KEYS): unknown {
  if (secrets.has(key)) return '***'
  if (typeof value === 'string') {
    const phone = PHONE_KEYS.has(key) ? normalizePhone(value) : null
    if (phone) return maskPhone(phone)
    return value.length > 200 ? `${value.slice(0, 200)}…` : value
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, '', secrets))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, 50)
        .map(([k, v]) => [k, redact(v, k, secrets)]),
    )
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
  prepared(ctx.db).insertAudit({
    at: ctx.now.toISOString(),
    actorType: person ? 'user' : actor.type === 'device' ? 'device' : 'anonymous',
    actorId: person?.id ?? (actor.type === 'device' ? actor.device.id : null),
    actorName: person?.name ?? (actor.type === 'device' ? actor.device.name : null),
    projectId: ctx.audit.projectId ?? inputProject,
    action: ok ? action : `${action}:failed`,
    summary: redact(
      input,
      '',
      SECRET_CODE_ACTIONS.has(action) ? new Set([...SECRET_KEYS, 'code']) : SECRET_KEYS,
    ),
    requestId: ctx.requestId,
    ip: ctx.ip,
  })
}

/**
 * Writes the pending mutation's audit entry; called inside the caller's transaction (there is one
 * connection), so the entry and the change it records commit together and cost one disk sync, not
 * two. The audit middleware then skips its own write.
 */
export function auditInTransaction(ctx: Context): void {
  const pending = ctx.audit.pending
  if (!pending || ctx.audit.written) return
  recordAudit(ctx, pending.action, pending.input, true)
  ctx.audit.written = true
}
