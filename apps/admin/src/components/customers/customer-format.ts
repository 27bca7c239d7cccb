import type { FollowUpMethod, OwnershipChange } from '@anchang/shared'

type Translate = (key: string, params?: Record<string, unknown>) => string

const DAY_MS = 86_400_000

/** Whole days from one project-local date to another: `2026-03-01` → `2026-03-04` is 3. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** The date `n` days after a project-local date, as `YYYY-MM-DD`. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Days of protection left, counting a part day as one; 0 once it has ended, null in the pool. */
export function protectionDaysLeft(endsAt: string | null, now: number): number | null {
  if (!endsAt) return null
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / DAY_MS))
}

/**
 * A `tel:` link for a number shown in full; a masked one (`138****5678`) cannot be dialled, and an
 * erased one (`—`) is no number at all.
 */
export function telHref(phone: string | null | undefined): string | null {
  const compact = (phone ?? '').replace(/[\s-]/g, '')
  return /^(\+86)?1[3-9]\d{9}$/.test(compact) ? `tel:${compact}` : null
}

type FollowUpState = 'none' | 'upcoming' | 'due' | 'overdue'

/** The follow-up as a list shows it: `今日待跟进`, `逾期 3 天`, `03-05 跟进`, or nothing. */
export function followUpWords(
  item: { followUpState: FollowUpState; followUpDueOn: string | null },
  today: string,
  t: Translate,
): string {
  const due = item.followUpDueOn
  if (!due || item.followUpState === 'none') return ''
  if (item.followUpState === 'due') return t('customers.followUp.due')
  if (item.followUpState === 'overdue')
    return t('customers.followUp.overdue', { n: Math.max(1, daysBetween(due, today)) })
  return t('customers.followUp.upcoming', { date: due.slice(5) })
}

export function followUpTagType(state: FollowUpState): 'warning' | 'error' | 'default' {
  return state === 'overdue' ? 'error' : state === 'due' ? 'warning' : 'default'
}

/** A follow-up's note: the quick notes tapped, then what was typed, as one sentence list. */
export function followUpNote(quick: readonly string[], typed: string): string {
  return [...quick, typed.trim()].filter(Boolean).join('；')
}

/**
 * When a follow-up happened: the time chosen, or now; never later than now, which the server
 * refuses (a time picked on today's date may still lie a few minutes ahead).
 */
export function happenedAtIso(chosen: number | null, now: number): string {
  return new Date(chosen === null ? now : Math.min(chosen, now)).toISOString()
}

/** A timeline entry as the server returns it (the fields its headline reads). */
export interface ActivityEntry {
  type: string
  method: string | null
  payload: Record<string, unknown> | null
}

const OWNERSHIP_CHANGES_NAMING_THE_NEW_OWNER = new Set<OwnershipChange>([
  'assigned',
  'complaint',
  'leaving',
  'conflict',
])

/**
 * What an entry was, in a few words: `跟进 · 微信`, `来访`, `分配给 李娜`. The new owner of an
 * ownership change is named when `nameOf` knows them (the owner now, or the reader themself).
 */
export function activityHeadline(
  a: ActivityEntry,
  t: Translate,
  nameOf: (id: string) => string | null,
): string {
  if (a.type === 'follow_up')
    return a.method
      ? `${t('customer.activity.follow_up')} · ${t(`followUp.methods.${a.method as FollowUpMethod}`)}`
      : t('customer.activity.follow_up')
  if (a.type !== 'ownership') return t(`customer.activity.${a.type}`)
  const change = typeof a.payload?.change === 'string' ? (a.payload.change as OwnershipChange) : null
  if (!change) return t('customer.activity.ownership')
  if (!OWNERSHIP_CHANGES_NAMING_THE_NEW_OWNER.has(change)) return t(`customer.ownership.${change}`)
  const to = typeof a.payload?.to === 'string' ? nameOf(a.payload.to) : null
  return to ? t(`customer.ownership.${change}`, { name: to }) : t(`customer.ownership.${change}Unnamed`)
}

/** The numbers to add and remove, from the other numbers before and as edited (spaces and dashes ignored). */
export function phoneChanges(before: readonly string[], after: readonly string[]) {
  const clean = (list: readonly string[]) => [
    ...new Set(list.map((p) => p.replace(/[\s-]/g, '')).filter(Boolean)),
  ]
  const was = clean(before)
  const now = clean(after)
  const addPhones = now.filter((p) => !was.includes(p))
  const removePhones = was.filter((p) => !now.includes(p))
  return { ...(addPhones.length ? { addPhones } : {}), ...(removePhones.length ? { removePhones } : {}) }
}
