import { maskPhone, normalizePhone } from '@anchang/shared'
import type { Tx } from '@anchang/db'
import { prepared } from '../prepared'
import type { ServiceContext, SessionUser } from './context'

const SECRET_KEYS: ReadonlySet<string> = new Set([
  'password',
  'currentPassword',
  'newPassword',
  'pin',
  'token',
])
const PHONE_KEYS = new Set(['phone', 'q'])
/** Deeper than any input schema goes: whatever lies below is summarised, never walked. */
const MAX_DEPTH = 6

/** The input as the audit log keeps it: no secrets, phone numbers masked, long text cut, depth bounded. */
export function redact(
  value: unknown,
  secrets: ReadonlySet<string> = SECRET_KEYS,
  key = '',
  depth = 0,
): unknown {
  if (secrets.has(key)) return '***'
  if (typeof value === 'string') {
    const phone = PHONE_KEYS.has(key) ? normalizePhone(value) : null
    if (phone) return maskPhone(phone)
    return value.length > 200 ? `${value.slice(0, 200)}…` : value
  }
  if (!value || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '…'
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, secrets, '', depth + 1))
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 50)
      .map(([k, v]) => [k, redact(v, secrets, k, depth + 1)]),
  )
}

export interface AuditEntry {
  /** Whose project the entry is about; sign-ins and password changes have none. */
  projectId?: string | null
  /** The verb's validated input (unknown keys already dropped), redacted here. */
  input?: unknown
  /** Who the entry names when the caller is not yet that person (a sign-in). */
  actor?: SessionUser
  /** A refusal worth keeping (a failed sign-in): recorded as `<action>:failed`. */
  failed?: boolean
  /** Input keys that hold secrets for this action beyond the usual ones (a pairing code). */
  secrets?: readonly string[]
}

/**
 * Writes one audit entry. Called by each mutation's verb inside the transaction of its change, so
 * the entry and the change commit together or not at all. `action` is the procedure's path
 * (`projects.update`), the name CONTRACT.md's `audit.list` answers with. There is one connection, so
 * the statement prepared on `ctx.db` runs inside `tx`; taking `tx` keeps every call site inside one.
 */
export function audit(_tx: Tx, ctx: ServiceContext, action: string, entry: AuditEntry = {}): void {
  const { actor } = ctx
  const person = entry.actor ?? (actor.type === 'user' ? actor.user : undefined)
  const device = actor.type === 'device' ? actor.device : undefined
  const projectId = entry.projectId ?? device?.projectId ?? null
  // A refusal changed nothing; anything else may move the project's live figures.
  if (projectId && !entry.failed) ctx.deps.activity.touched(projectId)
  prepared(ctx.db).insertAudit({
    at: ctx.now.toISOString(),
    actorType: person ? 'user' : device ? 'device' : 'anonymous',
    actorId: person?.id ?? device?.id ?? null,
    actorName: person?.name ?? device?.name ?? null,
    projectId,
    action: entry.failed ? `${action}:failed` : action,
    summary:
      entry.input === undefined
        ? null
        : redact(entry.input, entry.secrets ? new Set([...SECRET_KEYS, ...entry.secrets]) : SECRET_KEYS),
    requestId: ctx.requestId,
    ip: ctx.ip,
  })
}
