import { GRADES, type Grade, type Role, isManaging } from '@anchang/shared'

/** The customers page's tabs: the three lists of the book, and a look-up across the whole project. */
export type CustomerTab = 'mine' | 'team' | 'pool' | 'search'
export type FollowUpFilter = 'due' | 'overdue'

export interface CustomerListState {
  tab: CustomerTab
  grade: Grade | null
  channel: string | null
  followUp: FollowUpFilter | null
  q: string
}

/** A consultant has their own customers; managers and directors the team's; everyone the pool. */
export function tabsFor(role: Role): CustomerTab[] {
  return [
    ...(role === 'consultant' ? (['mine'] as const) : []),
    ...(isManaging(role) ? (['team'] as const) : []),
    'pool',
    'search',
  ]
}

type Query = Record<string, unknown>

const one = (value: unknown): string | null =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null

/**
 * The list as the address names it, so that coming back from a customer's record (or a shared
 * link) opens the same tab with the same filters; anything the role cannot open falls back to its
 * first tab.
 */
export function parseListQuery(query: Query, role: Role): CustomerListState {
  const tabs = tabsFor(role)
  const tab = one(query.tab)
  const grade = one(query.grade)
  const followUp = one(query.followUp)
  return {
    tab: tabs.includes(tab as CustomerTab) ? (tab as CustomerTab) : tabs[0]!,
    grade: (GRADES as readonly string[]).includes(grade ?? '') ? (grade as Grade) : null,
    channel: one(query.channel) || null,
    followUp: followUp === 'due' || followUp === 'overdue' ? followUp : null,
    q: (one(query.q) ?? '').slice(0, 40),
  }
}

/** The address's query for a list: only what is set, so a plain list has a plain address. */
export function listQuery(state: CustomerListState): Record<string, string> {
  const query: Record<string, string> = { tab: state.tab }
  if (state.grade) query.grade = state.grade
  if (state.channel) query.channel = state.channel
  if (state.followUp) query.followUp = state.followUp
  if (state.q.trim()) query.q = state.q.trim()
  return query
}

/** The `customers.list` filters of a list tab (the pool has no follow-ups due: nobody owns it). */
export function listFilters(state: CustomerListState) {
  return {
    ...(state.grade ? { grade: state.grade } : {}),
    ...(state.channel ? { channel: state.channel } : {}),
    ...(state.followUp === 'due' && state.tab !== 'pool' ? { due: true } : {}),
    ...(state.followUp === 'overdue' && state.tab !== 'pool' ? { overdue: true } : {}),
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
  }
}
