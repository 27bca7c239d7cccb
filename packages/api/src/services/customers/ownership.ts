/**
 * The customer book's changes of owner: a consultant's registration and claim (with 撞单 recorded
 * when someone else protects the customer), a manager's assignment or complaint transfer, a leaving
 * consultant's customers dealt out, and a manager's ruling on a conflict.
 */
import { and, desc, eq, gt, inArray } from 'drizzle-orm'
import { customers, newId, ownershipConflicts, projectMembers, users, type Tx } from '@anchang/db'
import {
  DomainError,
  EMPTY_OWNERSHIP,
  claimBy,
  dealOut,
  fail,
  maskName,
  maskPhone,
  ownedFrom,
  protectedOwner,
  type AssignInput,
  type CustomerRegisterInput,
  type OwnershipChange,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import {
  configOf,
  customerByPhone,
  displayName,
  loadCustomer,
  logActivity,
  namesOf,
  ownershipColumns,
  ownershipOf,
  saveOwnership,
  searchNameOf,
  type CustomerRow,
} from './book'
import { creditChannelReport } from './channel-reports'

/**
 * 撞单: the claimant is refused with the owner's name masked, and the conflict is kept for a
 * manager, in its own transaction since the refused change itself writes nothing.
 */
function refuseAsConflict(
  ctx: UserServiceContext,
  customer: CustomerRow,
  ownerId: string,
  source: 'register' | 'claim',
  action: string,
): never {
  const owner = namesOf(ctx.db, [ownerId]).get(ownerId) ?? ''
  ctx.db.transaction((tx) => {
    const open = tx
      .select({ id: ownershipConflicts.id })
      .from(ownershipConflicts)
      .where(
        and(
          eq(ownershipConflicts.customerId, customer.id),
          eq(ownershipConflicts.claimantId, ctx.actor.user.id),
          eq(ownershipConflicts.status, 'open'),
        ),
      )
      .get()
    // Trying again while the first is open is the same conflict, not a second one.
    if (!open) {
      tx.insert(ownershipConflicts)
        .values({
          id: newId(ctx.now.getTime()),
          projectId: customer.projectId,
          customerId: customer.id,
          claimantId: ctx.actor.user.id,
          ownerId,
          source,
          at: ctx.now.toISOString(),
          status: 'open',
        })
        .run()
    }
    audit(tx, ctx, action, {
      projectId: customer.projectId,
      input: { customerId: customer.id, conflictWith: ownerId },
      failed: true,
    })
  })
  throw new DomainError('CONFLICT', 'customer.conflict', { owner: maskName(owner) })
}

function logOwnership(
  tx: Tx,
  ctx: UserServiceContext,
  customer: CustomerRow,
  change: OwnershipChange,
  to: string,
  reason: string | null,
) {
  logActivity(tx, ctx, configOf(ctx, customer.projectId).timeZone, {
    projectId: customer.projectId,
    customerId: customer.id,
    type: 'ownership',
    happenedAt: ctx.now,
    consultantId: ctx.actor.user.id,
    note: reason,
    payload: { change, from: protectedOwner(customer, ctx.now), to },
  })
}

/**
 * CONTRACT.md `customers.register`: a consultant's own registration of a customer met outside the
 * rotation (来电/来访登记, 自拓). A new number becomes theirs; one in the pool is claimed; one someone
 * else protects is refused as a conflict.
 */
export function registerCustomer({ ctx, input }: { ctx: UserServiceContext; input: CustomerRegisterInput }) {
  const config = configOf(ctx, input.projectId)
  if (input.channel && !config.channels.includes(input.channel)) {
    fail('BAD_REQUEST', 'rotation.unknownChannel', { channel: input.channel })
  }
  const me = ctx.actor.user.id
  const at = ctx.now.toISOString()
  const existing = customerByPhone(ctx.db, input.projectId, input.phone)
  const outcome = claimBy(
    existing ? ownershipOf(existing) : EMPTY_OWNERSHIP,
    me,
    { at: ctx.now, grade: input.grade },
    config.settings.ownership,
  )
  if (outcome.kind === 'conflict')
    refuseAsConflict(ctx, existing!, outcome.ownerId, 'register', 'customers.register')
  return ctx.db.transaction((tx) => {
    let customerId: string
    if (existing) {
      customerId = existing.id
      const named = {
        surname: existing.surname ?? input.surname ?? null,
        title: existing.title ?? input.title ?? null,
        fullName: existing.fullName ?? input.fullName ?? null,
      }
      tx.update(customers)
        .set({
          ...named,
          searchName: searchNameOf(named),
          ...ownershipColumns(outcome.record, config.settings, config.timeZone),
          updatedAt: at,
        })
        .where(eq(customers.id, existing.id))
        .run()
      if (outcome.changed) logOwnership(tx, ctx, existing, 'claimed', me, null)
    } else {
      customerId = newId(ctx.now.getTime())
      const named = {
        surname: input.surname ?? null,
        title: input.title ?? null,
        fullName: input.fullName ?? null,
      }
      tx.insert(customers)
        .values({
          id: customerId,
          projectId: input.projectId,
          phone: input.phone,
          ...named,
          searchName: searchNameOf(named),
          channel: input.channel ?? null,
          ...ownershipColumns(outcome.record, config.settings, config.timeZone),
          createdAt: at,
          updatedAt: at,
        })
        .run()
    }
    creditChannelReport(tx, ctx, config, customerId, input.phone)
    logActivity(tx, ctx, config.timeZone, {
      projectId: input.projectId,
      customerId,
      type: input.kind,
      happenedAt: ctx.now,
      consultantId: me,
      grade: input.grade ?? null,
      note: input.note ?? null,
    })
    audit(tx, ctx, 'customers.register', { projectId: input.projectId, input })
    return { customerId, ownerId: me }
  })
}

/** CONTRACT.md `customers.claim`: a customer from the pool becomes the claimant's, protected from now. */
export function claimCustomer({ ctx, input }: { ctx: UserServiceContext; input: { customerId: string } }) {
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const config = configOf(ctx, customer.projectId)
  const me = ctx.actor.user.id
  const outcome = claimBy(ownershipOf(customer), me, { at: ctx.now }, config.settings.ownership)
  if (outcome.kind === 'conflict')
    refuseAsConflict(ctx, customer, outcome.ownerId, 'claim', 'customers.claim')
  ctx.db.transaction((tx) => {
    saveOwnership(tx, customer.id, outcome.record, config, ctx.now.toISOString())
    if (outcome.changed) logOwnership(tx, ctx, customer, 'claimed', me, null)
    audit(tx, ctx, 'customers.claim', { projectId: customer.projectId, input })
  })
  return { ownerId: me, protectionEndsAt: outcome.record.protectionEndsAt }
}

/** An active consultant of the project, or a sentence saying so. */
function assertConsultantOf(ctx: UserServiceContext, projectId: string, consultantId: string): string {
  const found = ctx.db
    .select({ name: users.name })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, projectId)),
    )
    .where(and(eq(users.id, consultantId), eq(users.role, 'consultant'), eq(users.active, true)))
    .get()
  if (!found) fail('BAD_REQUEST', 'customer.consultantNotHere')
  return found.name
}

/** Hands customers to `consultantId`, protected from now; in the caller's transaction. */
function handOver(
  tx: Tx,
  ctx: UserServiceContext,
  rows: CustomerRow[],
  consultantId: string,
  change: OwnershipChange,
  reason: string,
) {
  for (const customer of rows) {
    const config = configOf(ctx, customer.projectId)
    const record = ownedFrom(ownershipOf(customer), consultantId, { at: ctx.now }, config.settings.ownership)
    saveOwnership(tx, customer.id, record, config, ctx.now.toISOString())
    logOwnership(tx, ctx, customer, change, consultantId, reason)
  }
}

/**
 * CONTRACT.md `customers.assign`: a manager gives customers to a consultant with a reason (or moves
 * them after a complaint); every one moves or none does.
 */
export function assignCustomers({ ctx, input }: { ctx: UserServiceContext; input: AssignInput }) {
  const ids = [...new Set(input.customerIds)]
  const rows = ctx.db.select().from(customers).where(inArray(customers.id, ids)).all()
  const projectId = rows[0]?.projectId
  if (!projectId || rows.length !== ids.length || rows.some((r) => r.projectId !== projectId)) {
    fail('NOT_FOUND', 'customer.someNotFound', {
      n: ids.length - rows.filter((r) => r.projectId === projectId).length || ids.length,
    })
  }
  assertProjectAccess(ctx, projectId)
  if (rows.some((r) => r.erasedAt)) fail('CONFLICT', 'customer.erased')
  assertConsultantOf(ctx, projectId, input.consultantId)
  ctx.db.transaction((tx) => {
    handOver(tx, ctx, rows, input.consultantId, input.kind, input.reason)
    audit(tx, ctx, 'customers.assign', { projectId, input: { ...input, customerIds: ids.length } })
  })
  return { count: ids.length }
}

/**
 * A leaving consultant's protected customers, dealt out in turn to those who take them over, and
 * the list of where each went: nobody is lost.
 */
export function reassignLeaving({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; fromConsultantId: string; toConsultantIds: string[]; reason: string }
}) {
  const targets = [...new Set(input.toConsultantIds)].filter((id) => id !== input.fromConsultantId)
  const names = new Map(targets.map((id) => [id, assertConsultantOf(ctx, input.projectId, id)]))
  const rows = ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.projectId, input.projectId),
        eq(customers.ownerId, input.fromConsultantId),
        gt(customers.protectionEndsAt, ctx.now.toISOString()),
      ),
    )
    .all()
  if (!targets.length) fail('BAD_REQUEST', 'customer.consultantNotHere')
  const dealt = dealOut(rows, targets)
  ctx.db.transaction((tx) => {
    for (const to of targets)
      handOver(
        tx,
        ctx,
        dealt.filter((d) => d.to === to).map((d) => d.customer),
        to,
        'leaving',
        input.reason,
      )
    audit(tx, ctx, 'customers.reassignLeaving', {
      projectId: input.projectId,
      input: { ...input, count: rows.length },
    })
  })
  return dealt.map(({ customer, to }) => ({
    customerId: customer.id,
    name: displayName(customer),
    toId: to,
    toName: names.get(to) ?? '',
  }))
}

/** CONTRACT.md `customers.conflicts`: the project's 撞单, newest first. */
export function listConflicts({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; status?: 'open' | 'resolved' | undefined }
}) {
  const rows = ctx.db
    .select({ c: ownershipConflicts, customer: customers })
    .from(ownershipConflicts)
    .innerJoin(customers, eq(customers.id, ownershipConflicts.customerId))
    .where(
      and(
        eq(ownershipConflicts.projectId, input.projectId),
        input.status ? eq(ownershipConflicts.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(ownershipConflicts.at))
    .limit(500)
    .all()
  const names = namesOf(
    ctx.db,
    rows.flatMap(({ c }) => [c.claimantId, c.ownerId, c.resolvedOwnerId, c.resolvedBy]),
  )
  return rows.map(({ c, customer }) => ({
    conflictId: c.id,
    customerId: c.customerId,
    customerName: displayName(customer),
    phone: maskPhone(customer.phone),
    claimantId: c.claimantId,
    claimantName: names.get(c.claimantId) ?? '',
    ownerId: c.ownerId,
    ownerName: names.get(c.ownerId) ?? '',
    source: c.source,
    at: c.at,
    status: c.status,
    resolvedOwnerId: c.resolvedOwnerId,
    resolvedOwnerName: c.resolvedOwnerId ? (names.get(c.resolvedOwnerId) ?? '') : null,
    resolvedByName: c.resolvedBy ? (names.get(c.resolvedBy) ?? '') : null,
    resolvedAt: c.resolvedAt,
    reason: c.reason,
  }))
}

/**
 * CONTRACT.md `customers.resolveConflict`: the manager gives the customer to the claimant or leaves
 * them with the owner; given to the claimant, protection runs from the ruling.
 */
export function resolveConflict({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { conflictId: string; ownerId: string; reason: string }
}) {
  const conflict = ctx.db
    .select()
    .from(ownershipConflicts)
    .where(eq(ownershipConflicts.id, input.conflictId))
    .get()
  if (!conflict) fail('NOT_FOUND', 'customer.conflictNotFound')
  assertProjectAccess(ctx, conflict.projectId)
  if (conflict.status !== 'open') fail('CONFLICT', 'customer.conflictResolved')
  if (input.ownerId !== conflict.claimantId && input.ownerId !== conflict.ownerId)
    fail('BAD_REQUEST', 'customer.conflictParty')
  const customer = loadCustomer(ctx, conflict.customerId)
  ctx.db.transaction((tx) => {
    // Asked again inside the write: two managers ruling at once must not both win.
    const current = tx
      .select({ status: ownershipConflicts.status })
      .from(ownershipConflicts)
      .where(eq(ownershipConflicts.id, conflict.id))
      .get()
    if (current?.status !== 'open') fail('CONFLICT', 'customer.conflictResolved')
    if (protectedOwner(customer, ctx.now) !== input.ownerId)
      handOver(tx, ctx, [customer], input.ownerId, 'conflict', input.reason)
    tx.update(ownershipConflicts)
      .set({
        status: 'resolved',
        resolvedOwnerId: input.ownerId,
        resolvedBy: ctx.actor.user.id,
        resolvedAt: ctx.now.toISOString(),
        reason: input.reason,
      })
      .where(eq(ownershipConflicts.id, conflict.id))
      .run()
    audit(tx, ctx, 'customers.resolveConflict', { projectId: conflict.projectId, input })
  })
  return { ok: true as const }
}
