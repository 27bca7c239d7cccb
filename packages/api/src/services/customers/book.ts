/**
 * What every verb of the customer book shares: reading a customer the caller may see, writing an
 * ownership record back with the follow-up day it implies, logging an activity, and showing a
 * number in full only to those DOMAIN.md allows (and auditing every such read by a non-owner).
 */
import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import {
  activities,
  auditLog,
  customerPhones,
  customers,
  newId,
  users,
  type DbOrTx,
  type Tx,
} from '@anchang/db'
import {
  customerName,
  fail,
  followUpDueOn,
  isManaging,
  localDate,
  maskPhone,
  protectedOwner,
  type ActivityType,
  type FollowUpMethod,
  type Grade,
  type OwnershipRecord,
  type ProjectSettings,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import type { ServiceContext, UserServiceContext } from '../context'
import type { ProjectConfig } from '../rotation/hub'

export type CustomerRow = typeof customers.$inferSelect

export const ownershipOf = (c: CustomerRow): OwnershipRecord => ({
  ownerId: c.ownerId,
  protectionEndsAt: c.protectionEndsAt,
  lastContactAt: c.lastContactAt,
  grade: c.grade,
  gradeAt: c.gradeAt,
  nextFollowUpOn: c.nextFollowUpOn,
})

/** 王建国, or 王先生 when only the surname is known. */
export const displayName = (c: Pick<CustomerRow, 'fullName' | 'surname' | 'title'>): string =>
  c.fullName || customerName(c.surname, c.title)

/** What name searches compare: the name as shown, lowercased (null when there is none). */
export const searchNameOf = (c: Pick<CustomerRow, 'fullName' | 'surname' | 'title'>): string | null =>
  displayName(c).toLowerCase() || null

/** The project's rules and time zone, as the rotation hub keeps them (reloaded when they change). */
export const configOf = (ctx: ServiceContext, projectId: string): ProjectConfig =>
  ctx.deps.rotation.config(projectId)

/** The record's columns that follow from its ownership: the follow-up due day above all. */
export function ownershipColumns(record: OwnershipRecord, settings: ProjectSettings, timeZone: string) {
  return {
    ownerId: record.ownerId,
    protectionEndsAt: record.protectionEndsAt,
    lastContactAt: record.lastContactAt,
    grade: record.grade,
    gradeAt: record.gradeAt,
    nextFollowUpOn: record.nextFollowUpOn,
    followUpDueOn: followUpDueOn(record, settings.ownership.followUpDays, timeZone),
  }
}

/** Writes an ownership record back, with the follow-up day it implies. */
export function saveOwnership(
  tx: DbOrTx,
  customerId: string,
  record: OwnershipRecord,
  config: ProjectConfig,
  at: string,
): void {
  tx.update(customers)
    .set({ ...ownershipColumns(record, config.settings, config.timeZone), updatedAt: at })
    .where(eq(customers.id, customerId))
    .run()
}

/** Every protected customer's follow-up due day again, after the project's cadence changed. */
export function recomputeFollowUpDue(
  tx: Tx,
  projectId: string,
  settings: ProjectSettings,
  timeZone: string,
  now: Date,
): void {
  const rows = tx
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.projectId, projectId),
        isNotNull(customers.ownerId),
        gt(customers.protectionEndsAt, now.toISOString()),
      ),
    )
    .all()
  for (const row of rows) {
    const due = followUpDueOn(ownershipOf(row), settings.ownership.followUpDays, timeZone)
    if (due !== row.followUpDueOn)
      tx.update(customers).set({ followUpDueOn: due }).where(eq(customers.id, row.id)).run()
  }
}

/** The customer a number names in the project: by the number on record, or one of their other numbers. */
export function customerByPhone(db: DbOrTx, projectId: string, phone: string): CustomerRow | undefined {
  const direct = db
    .select()
    .from(customers)
    .where(and(eq(customers.projectId, projectId), eq(customers.phone, phone)))
    .get()
  if (direct) return direct
  const other = db
    .select({ customerId: customerPhones.customerId })
    .from(customerPhones)
    .where(and(eq(customerPhones.projectId, projectId), eq(customerPhones.phone, phone)))
    .get()
  return other ? db.select().from(customers).where(eq(customers.id, other.customerId)).get() : undefined
}

/** A customer of a project the caller belongs to (anyone else is refused as for any project). */
export function loadCustomer(ctx: ServiceContext, customerId: string): CustomerRow {
  const row = ctx.db.select().from(customers).where(eq(customers.id, customerId)).get()
  if (!row) fail('NOT_FOUND', 'customer.notFound')
  assertProjectAccess(ctx, row.projectId)
  return row
}

export interface ActivityEntry {
  projectId: string
  customerId: string
  type: ActivityType
  happenedAt: Date
  consultantId: string | null
  method?: FollowUpMethod | null
  note?: string | null
  grade?: Grade | null
  nextFollowUpOn?: string | null
  receptionId?: string | null
  payload?: Record<string, unknown> | null
}

/** Logs one activity; it is late when entered after the day it happened (the project's day). */
export function logActivity(
  tx: Tx,
  ctx: ServiceContext,
  timeZone: string,
  entry: ActivityEntry,
): { id: string; late: boolean } {
  const id = newId(ctx.now.getTime())
  const late = localDate(ctx.now, timeZone) > localDate(entry.happenedAt, timeZone)
  tx.insert(activities)
    .values({
      id,
      projectId: entry.projectId,
      customerId: entry.customerId,
      type: entry.type,
      happenedAt: entry.happenedAt.toISOString(),
      enteredAt: ctx.now.toISOString(),
      late,
      consultantId: entry.consultantId,
      method: entry.method ?? null,
      note: entry.note ?? null,
      grade: entry.grade ?? null,
      nextFollowUpOn: entry.nextFollowUpOn ?? null,
      receptionId: entry.receptionId ?? null,
      payload: entry.payload ?? null,
    })
    .run()
  return { id, late }
}

/**
 * Whether the caller sees this customer's number in full: their protected owner, and the project's
 * managers and directors (DOMAIN.md); everyone else sees `138****5678`.
 */
export function seesFullNumber(
  ctx: UserServiceContext,
  c: Pick<CustomerRow, 'ownerId' | 'protectionEndsAt'>,
): boolean {
  return protectedOwner(c, ctx.now) === ctx.actor.user.id || isManaging(ctx.actor.user.role)
}

/** The number as this caller may see it, and whether that is a read to audit (a non-owner's full read). */
export function phoneFor(
  ctx: UserServiceContext,
  c: Pick<CustomerRow, 'phone' | 'ownerId' | 'protectionEndsAt'>,
) {
  const full = seesFullNumber(ctx, c)
  return {
    phone: full ? c.phone : maskPhone(c.phone),
    audited: full && protectedOwner(c, ctx.now) !== ctx.actor.user.id,
  }
}

/** Every unmasked read of a number by someone other than its owner leaves one audit entry. */
export function auditPhoneReads(ctx: UserServiceContext, projectId: string, customerIds: string[]): void {
  if (!customerIds.length) return
  ctx.db
    .insert(auditLog)
    .values({
      at: ctx.now.toISOString(),
      actorType: 'user',
      actorId: ctx.actor.user.id,
      actorName: ctx.actor.user.name,
      projectId,
      action: 'customers.viewPhone',
      summary: { customerIds },
      requestId: ctx.requestId,
      ip: ctx.ip,
    })
    .run()
}

/** The names of people by id, for the lists that name consultants. */
export function namesOf(db: DbOrTx, ids: Iterable<string | null | undefined>): Map<string, string> {
  const list = [...new Set([...ids].filter((id): id is string => !!id))]
  if (!list.length) return new Map()
  return new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, list))
      .all()
      .map((u) => [u.id, u.name]),
  )
}
