import type { Grade, ReceptionResult } from '../rotation/types'
import type { OwnershipSettings } from '../settings'
import { localDate } from '../time'

/**
 * Who a customer belongs to (判客, DOMAIN.md "Customers and ownership"), as pure rules with the
 * clock as a parameter. A customer is owned while protection holds: until the latest logged
 * contact plus the project's protection days. Past that instant the customer is in the public pool
 * (公客池) on every read, whatever a sweep has or has not recorded yet.
 */
export interface OwnershipRecord {
  ownerId: string | null
  protectionEndsAt: string | null
  /** The latest contact by anyone, for display and cadence. */
  lastContactAt: string | null
  /** The latest graded contact's grade, and when that contact happened. */
  grade: Grade | null
  gradeAt: string | null
  /** The next follow-up the owner planned; null: the grade's cadence sets it. */
  nextFollowUpOn: string | null
}

export const EMPTY_OWNERSHIP: OwnershipRecord = {
  ownerId: null,
  protectionEndsAt: null,
  lastContactAt: null,
  grade: null,
  gradeAt: null,
  nextFollowUpOn: null,
}

const DAY_MS = 86_400_000

/** The owner while protection holds; null when the customer is in the public pool (公客池). */
export function protectedOwner(
  customer: Pick<OwnershipRecord, 'ownerId' | 'protectionEndsAt'> | null | undefined,
  now: Date,
): string | null {
  if (!customer?.ownerId || !customer.protectionEndsAt) return null
  return Date.parse(customer.protectionEndsAt) > now.getTime() ? customer.ownerId : null
}

/** Protection that a contact at `at` gives: `at` plus the project's protection days, to the millisecond. */
export function protectionFrom(at: Date, settings: Pick<OwnershipSettings, 'protectionDays'>): string {
  return new Date(at.getTime() + settings.protectionDays * DAY_MS).toISOString()
}

const later = (a: string | null, b: string): string => (a && a > b ? a : b)

/** Something that happened with the customer and was logged: it may set the grade and the next follow-up. */
export interface Contact {
  at: Date
  grade?: Grade | null | undefined
  nextFollowUpOn?: string | null | undefined
}

/** The grade, last contact and next follow-up after a contact, ownership aside. */
function noted(customer: OwnershipRecord, contact: Contact): OwnershipRecord {
  const at = contact.at.toISOString()
  const newest = !customer.lastContactAt || at >= customer.lastContactAt
  const graded = contact.grade && (!customer.gradeAt || at >= customer.gradeAt)
  return {
    ...customer,
    lastContactAt: later(customer.lastContactAt, at),
    grade: graded ? contact.grade! : customer.grade,
    gradeAt: graded ? at : customer.gradeAt,
    // The newest contact replaces the plan (a follow-up done is no longer due); an older one, entered
    // late, leaves a plan made since alone unless it names one itself.
    nextFollowUpOn:
      contact.nextFollowUpOn !== undefined && contact.nextFollowUpOn !== null
        ? contact.nextFollowUpOn
        : newest
          ? null
          : customer.nextFollowUpOn,
  }
}

/**
 * A contact with an owned customer, made while they were protected, renews the owner's protection
 * from when it happened: the latest contact counts, so a late entry of an older one never shortens
 * it (and one entered late, made in time, counts in full). In the pool, nothing renews.
 */
export function renewedBy(
  customer: OwnershipRecord,
  contact: Contact,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): OwnershipRecord {
  const next = noted(customer, contact)
  if (
    !customer.ownerId ||
    !customer.protectionEndsAt ||
    contact.at.toISOString() >= customer.protectionEndsAt
  )
    return next
  return { ...next, protectionEndsAt: later(customer.protectionEndsAt, protectionFrom(contact.at, settings)) }
}

/**
 * A grade given with a record that is not itself a contact (a visit registration filled in later):
 * the grade is the latest graded record's, and nothing else moves.
 */
export function gradedAt(customer: OwnershipRecord, at: Date, grade: Grade): OwnershipRecord {
  const iso = at.toISOString()
  if (customer.gradeAt && iso < customer.gradeAt) return customer
  return { ...customer, grade, gradeAt: iso }
}

/** Ownership moves to `ownerId`, protected from the contact that moved it (a claim, an assignment). */
export function ownedFrom(
  customer: OwnershipRecord,
  ownerId: string,
  contact: Contact,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): OwnershipRecord {
  const next = noted(customer, contact)
  const fresh = protectionFrom(contact.at, settings)
  // The same owner again keeps the later of the two ends.
  const protectionEndsAt = customer.ownerId === ownerId ? later(customer.protectionEndsAt, fresh) : fresh
  return { ...next, ownerId, protectionEndsAt }
}

/** What a consultant's claim, registration or pick-up of a customer comes to. */
export type ClaimOutcome =
  | { kind: 'owned'; record: OwnershipRecord; changed: boolean }
  | { kind: 'conflict'; ownerId: string }

/**
 * A consultant takes a customer: from the pool (or a new number), they become the owner, protected
 * from now whatever the grade; their own customer is simply renewed; someone else's protected
 * customer is a conflict (撞单) for a manager to resolve.
 */
export function claimBy(
  customer: OwnershipRecord,
  consultantId: string,
  contact: Contact,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): ClaimOutcome {
  const owner = protectedOwner(customer, contact.at)
  if (owner && owner !== consultantId) return { kind: 'conflict', ownerId: owner }
  return {
    kind: 'owned',
    record: ownedFrom(customer, consultantId, contact, settings),
    changed: owner !== consultantId,
  }
}

/**
 * Ownership after a reception closes:
 * - invalid: nothing changes, no owner is created;
 * - valid A/B/C: a protected owner keeps the customer (a stand-in's duty reception is a contact that
 *   renews the owner's protection); otherwise the receiving consultant becomes the owner;
 * - valid D (no intent): recorded, but gives no protection — the customer stays in the public pool
 *   unless someone else already protects them.
 */
export function ownershipAfterReception(
  customer: OwnershipRecord,
  reception: { consultantId: string; result: ReceptionResult; grade: Grade | null; at?: Date },
  now: Date,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): OwnershipRecord {
  if (reception.result === 'invalid') return customer
  const contact: Contact = { at: reception.at ?? now, grade: reception.grade }
  const owner = protectedOwner(customer, now)
  if (reception.grade === 'D') {
    const next = noted(customer, contact)
    return owner ? next : { ...next, ownerId: null, protectionEndsAt: null }
  }
  return owner
    ? renewedBy(customer, contact, settings)
    : ownedFrom(customer, reception.consultantId, contact, settings)
}

/**
 * An old customer brought in from a spreadsheet: protected as if their last contact had just been
 * logged, so one contacted longer ago than the protection period lands in the pool.
 */
export function ownershipOnImport(
  record: { ownerId: string | null; lastContactAt: Date | null; grade: Grade | null },
  now: Date,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): OwnershipRecord {
  const lastContactAt = record.lastContactAt?.toISOString() ?? null
  const protectionEndsAt =
    record.ownerId && record.lastContactAt ? protectionFrom(record.lastContactAt, settings) : null
  const owned = protectionEndsAt !== null && protectionEndsAt > now.toISOString()
  return {
    ownerId: owned ? record.ownerId : null,
    protectionEndsAt: owned ? protectionEndsAt : null,
    lastContactAt,
    grade: record.grade,
    gradeAt: record.grade ? lastContactAt : null,
    nextFollowUpOn: null,
  }
}

/**
 * The day a follow-up is due, in the project's time zone: the owner's planned date, or the last
 * contact plus the grade's cadence. D (no intent) and ungraded customers have no cadence.
 */
export function followUpDueOn(
  customer: Pick<OwnershipRecord, 'grade' | 'lastContactAt' | 'nextFollowUpOn'>,
  followUpDays: OwnershipSettings['followUpDays'],
  timeZone: string,
): string | null {
  if (customer.nextFollowUpOn) return customer.nextFollowUpOn
  if (!customer.grade || customer.grade === 'D' || !customer.lastContactAt) return null
  return localDate(
    new Date(Date.parse(customer.lastContactAt) + followUpDays[customer.grade] * DAY_MS),
    timeZone,
  )
}

/** Due on its day, overdue from the day after (both in the project's time zone). */
export function followUpState(dueOn: string | null, today: string): 'none' | 'upcoming' | 'due' | 'overdue' {
  if (!dueOn) return 'none'
  return dueOn < today ? 'overdue' : dueOn === today ? 'due' : 'upcoming'
}

/** A follow-up is overdue when its due day has passed (the rotation's block reads this). */
export function isFollowUpOverdue(
  customer: Pick<OwnershipRecord, 'grade' | 'lastContactAt'> & { nextFollowUpOn?: string | null },
  followUpDays: OwnershipSettings['followUpDays'],
  now: Date,
  timeZone = 'Asia/Shanghai',
): boolean {
  const due = followUpDueOn({ nextFollowUpOn: null, ...customer }, followUpDays, timeZone)
  return followUpState(due, localDate(now, timeZone)) === 'overdue'
}

/**
 * A deal closed on a stand-in's duty reception (代接) is credited to the owner and the stand-in by
 * the project's split; any other deal wholly to its consultant.
 */
export function dealCredit(
  consultantId: string,
  onBehalfOf: string | null,
  settings: Pick<OwnershipSettings, 'onBehalfOwnerSharePercent'>,
): { consultantId: string; percent: number }[] {
  if (!onBehalfOf || onBehalfOf === consultantId) return [{ consultantId, percent: 100 }]
  const owner = settings.onBehalfOwnerSharePercent
  return [
    { consultantId: onBehalfOf, percent: owner },
    { consultantId, percent: 100 - owner },
  ].filter((share) => share.percent > 0)
}

/** A leaving consultant's customers dealt out in turn to those who take them over, none left behind. */
export function dealOut<T>(customers: readonly T[], to: readonly string[]): { customer: T; to: string }[] {
  if (!to.length) return []
  return customers.map((customer, i) => ({ customer, to: to[i % to.length]! }))
}

/** 张先生 / 张女士 / 张 — how a customer is named when only the surname is known. */
export function customerName(surname: string | null, title: string | null): string {
  return `${surname ?? ''}${surname ? (title ?? '') : ''}`
}

/** `张*`, `欧阳**`: whose customer it is, without saying who (a conflict's refusal names the owner so). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (!chars.length) return '*'
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
