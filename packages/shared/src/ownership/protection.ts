import type { Grade, ReceptionResult } from '../rotation/types'
import type { OwnershipSettings } from '../settings'

export interface OwnershipRecord {
  ownerId: string | null
  protectionEndsAt: string | null
  lastContactAt: string | null
  grade: Grade | null
}

/** The owner while protection holds; null when the customer is in the public pool (公客池). */
export function protectedOwner(
  customer: Pick<OwnershipRecord, 'ownerId' | 'protectionEndsAt'> | null | undefined,
  now: Date,
): string | null {
  if (!customer?.ownerId || !customer.protectionEndsAt) return null
  return Date.parse(customer.protectionEndsAt) > now.getTime() ? customer.ownerId : null
}

/**
 * Ownership after a reception closes (DOMAIN.md, "Customers and ownership"):
 * - invalid: nothing changes, no owner is created;
 * - valid A/B/C: a protected owner keeps the customer (a stand-in's duty reception is a contact that
 *   renews the owner's protection); otherwise the receiving consultant becomes the owner;
 * - valid D (no intent): recorded, but gives no protection — the customer stays in the public pool
 *   unless someone else already protects them.
 */
export function ownershipAfterReception(
  customer: OwnershipRecord,
  reception: { consultantId: string; result: ReceptionResult; grade: Grade | null },
  now: Date,
  settings: Pick<OwnershipSettings, 'protectionDays'>,
): OwnershipRecord {
  if (reception.result === 'invalid') return customer
  const at = now.toISOString()
  const owner = protectedOwner(customer, now)
  const grade = reception.grade ?? customer.grade
  if (reception.grade === 'D') {
    return owner
      ? { ...customer, grade, lastContactAt: at }
      : { ownerId: null, protectionEndsAt: null, lastContactAt: at, grade }
  }
  const protectionEndsAt = new Date(now.getTime() + settings.protectionDays * 86_400_000).toISOString()
  return { ownerId: owner ?? reception.consultantId, protectionEndsAt, lastContactAt: at, grade }
}

/** A follow-up is overdue when the grade's cadence has passed since the last contact. D has no cadence. */
export function isFollowUpOverdue(
  customer: Pick<OwnershipRecord, 'grade' | 'lastContactAt'>,
  followUpDays: OwnershipSettings['followUpDays'],
  now: Date,
): boolean {
  if (!customer.grade || customer.grade === 'D' || !customer.lastContactAt) return false
  return Date.parse(customer.lastContactAt) + followUpDays[customer.grade] * 86_400_000 < now.getTime()
}

/** 张先生 / 张女士 / 张 — how a customer is named when only the surname is known. */
export function customerName(surname: string | null, title: string | null): string {
  return `${surname ?? ''}${surname ? (title ?? '') : ''}`
}
