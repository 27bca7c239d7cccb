import { BREAK_REASONS, type BreakReason } from '@anchang/shared'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** A rotation event as `reception.events` returns it (the fields this page reads). */
export interface EventRow {
  type: string
  reason: string | null
  consultantName: string | null
  summary: Record<string, unknown>
  actor: { type: string; name: string | null } | null
}

/** Events a manager records by hand, whose `reason` is the written reason (a break's is its kind). */
const OVERRIDE_EVENTS = new Set([
  'move',
  'reassign',
  'grantTurn',
  'missedTurn',
  'undo',
  'leaveLine',
  'signOut',
])

const isBreakReason = (value: unknown): value is BreakReason =>
  typeof value === 'string' && (BREAK_REASONS as readonly string[]).includes(value)

/**
 * Who the rotation skipped at that moment for overdue follow-ups, so a manager reading the log sees
 * why a turn passed someone by: `（因逾期跟进暂停轮序：张伟、李娜）`; empty when nobody was.
 */
export function blockedWords(row: Pick<EventRow, 'summary'>, t: Translate): string {
  const blocked = row.summary.blocked
  if (!Array.isArray(blocked)) return ''
  const names = blocked.filter((n): n is string => typeof n === 'string' && n !== '')
  return names.length ? t('events.blocked', { names: names.join(t('events.nameSep')) }) : ''
}

/** What happened, in words: `暂离（午餐）`, `调整到第 2 位`, `结束接待：有效 B`. */
export function eventWords(row: EventRow, t: Translate): string {
  return `${baseWords(row, t)}${blockedWords(row, t)}`
}

function baseWords(row: EventRow, t: Translate): string {
  const s = row.summary
  switch (row.type) {
    case 'break':
      return isBreakReason(s.reason)
        ? t('events.breakWith', { reason: t(`breakReasons.${s.reason}`) })
        : t('events.break')
    case 'checkIn': {
      const words = t(s.kind === 'call' ? 'events.checkInCall' : 'events.checkIn')
      const phone = typeof s.phone === 'string' ? ` ${s.phone}` : ''
      const party =
        typeof s.partySize === 'number' && s.partySize > 1 ? ` ${t('notice.party', { n: s.partySize })}` : ''
      return `${words}${phone}${party}`
    }
    case 'finish': {
      if (s.result === 'valid')
        return t('events.finishValid', { grade: typeof s.grade === 'string' ? s.grade : '' }).trim()
      return t('events.finishInvalid')
    }
    case 'move':
      return t('events.move', { n: typeof s.toPosition === 'number' ? s.toPosition : '?' })
    case 'cleared':
      // A consultant's overdue follow-ups were logged (or the project stopped keeping anyone out).
      return row.consultantName ? t('events.cleared', { name: row.consultantName }) : t('events.clearedAll')
    case 'signOut':
      // A manager's sign-out (or a deactivation) says why; the consultant's own does not.
      return t(row.reason ? 'events.signOutByManager' : 'events.signOut')
    case 'settings':
    case 'signIn':
    case 'back':
    case 'reassign':
    case 'grantTurn':
    case 'missedTurn':
    case 'undo':
    case 'leaveLine':
      return t(`events.${row.type}`)
    default:
      return row.type
  }
}

/** The written reason of a manager's action; empty for events that carry none. */
export function overrideReason(row: Pick<EventRow, 'type' | 'reason'>): string {
  return OVERRIDE_EVENTS.has(row.type) ? (row.reason ?? '') : ''
}

/** Who did it: a person by name, a kiosk, or the system (settings taking effect). */
export function actorWords(actor: EventRow['actor'], t: Translate): string {
  if (!actor) return t('receptionLog.actorSystem')
  if (actor.type === 'device') return actor.name ?? t('receptionLog.actorDevice')
  return actor.name ?? t('common.none')
}

/** The queue as it stood when the visitor was assigned: `1. 张伟  2. 李娜 …`. */
export function queueWords(queue: readonly { name: string }[]): string {
  return queue.map((q, i) => `${i + 1}. ${q.name}`).join('  ')
}
