import type { RouteLocationRaw } from 'vue-router'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What a day can still lack, in the order the day-close page lists it. */
export const MISSING_KINDS = ['unfinished', 'ungraded', 'unregistered', 'followUpsDue'] as const
export type MissingKind = (typeof MISSING_KINDS)[number]
export type MissingCounts = Record<MissingKind, number>
/** Counts as stored with a day close (a JSON column): the kinds above, read by name. */
type StoredCounts = Readonly<Partial<Record<string, number>>>

export function missingTotal(counts: StoredCounts | null | undefined): number {
  return counts ? MISSING_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0) : 0
}

/** The counts in words, the empty ones left out: `未结束接待 1 · 待跟进 3`; empty when nothing is missing. */
export function missingWords(counts: StoredCounts | null | undefined, t: Translate): string {
  if (!counts) return ''
  return MISSING_KINDS.filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => t(`dayClose.short.${kind}`, { n: counts[kind] }))
    .join(' · ')
}

/** The lists of `dayClose.mine` as counts, for the sentence said after closing. */
export function countsOfLists(missing: Record<MissingKind, readonly unknown[]>): MissingCounts {
  return {
    unfinished: missing.unfinished.length,
    ungraded: missing.ungraded.length,
    unregistered: missing.unregistered.length,
    followUpsDue: missing.followUpsDue.length,
  }
}

/**
 * Where a missing item is put right: an open reception on the receptions page, a visit without a
 * grade or a registration on the customer's visit form, a follow-up due on the customer's record.
 */
export function fixLocation(kind: MissingKind, customerId: string | null): RouteLocationRaw {
  if (kind === 'unfinished' || !customerId) return { name: 'reception' }
  if (kind === 'followUpsDue') return { name: 'customer', params: { customerId } }
  return { name: 'customerVisit', params: { customerId } }
}

/** `YYYY-MM-DD` the given number of days before `date`. */
export function daysBefore(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - n)
  return d.toISOString().slice(0, 10)
}
