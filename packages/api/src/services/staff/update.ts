import { and, eq, inArray } from 'drizzle-orm'
import { hashPassword, hashPin, projectMembers, users } from '@anchang/db'
import { fail, type StaffUpdateInput } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { endSessions } from '../auth/session'
import { assertCanManageRole, loadManagedStaff, projectIdsOf } from './access'
import { assertPinFree, assertPinHashFree } from './pin'
import { assertChannelAccount } from './create'
import { deliverNotices, persistDecisions } from '../rotation/effects'
import { eventActor } from '../rotation/record'

/**
 * Renames, changes the role, the PIN or the projects of a staff member. Memberships in projects the
 * actor does not belong to are left as they are: a manager moves people only between their own projects.
 */
export function updateStaff({ ctx, input }: { ctx: UserServiceContext; input: StaffUpdateInput }) {
  const target = loadManagedStaff(ctx, input.userId)
  const role = input.role ?? target.role
  if (input.role) assertCanManageRole(ctx, input.role)
  if (input.pin && role !== 'consultant') fail('BAD_REQUEST', 'staff.pinOnlyConsultant')
  const wanted = input.projectIds && [...new Set(input.projectIds)]
  for (const projectId of wanted ?? []) assertProjectAccess(ctx, projectId)

  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    const current = projectIdsOf(tx, target.id)
    const mine = ctx.actor.projectIds
    const removed = wanted ? current.filter((id) => mine.includes(id) && !wanted.includes(id)) : []
    const added = wanted ? wanted.filter((id) => !current.includes(id)) : []
    const after = [...current.filter((id) => !removed.includes(id)), ...added]
    const agency = role === 'channel' ? (input.agency ?? target.agency) : null
    assertChannelAccount(role, agency, after)
    // The PIN, new or kept, must be free in every project the person is in afterwards.
    const pinHash =
      role !== 'consultant'
        ? null
        : input.pin === undefined
          ? target.pinHash
          : input.pin && hashPin(input.pin)
    if (input.pin) assertPinFree(tx, input.pin, after, target.id)
    else if (pinHash && added.length) assertPinHashFree(tx, pinHash, added, target.id)
    tx.update(users)
      // A PIN belongs to consultants only: a new role without one drops it.
      .set({ name: input.name ?? target.name, role, pinHash, agency, updatedAt: at })
      .where(eq(users.id, target.id))
      .run()
    if (removed.length) {
      tx.delete(projectMembers)
        .where(and(eq(projectMembers.userId, target.id), inArray(projectMembers.projectId, removed)))
        .run()
    }
    if (added.length) {
      tx.insert(projectMembers)
        .values(added.map((projectId) => ({ projectId, userId: target.id, joinedAt: at })))
        .run()
    }
    audit(tx, ctx, 'staff.update', { projectId: after.find((id) => mine.includes(id)) ?? null, input })
  })
  return { ok: true as const }
}

/** A reset password ends every session the person had. */
export async function resetStaffPassword({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { userId: string; newPassword: string }
}) {
  const target = loadManagedStaff(ctx, input.userId)
  const passwordHash = await hashPassword(input.newPassword)
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, updatedAt: ctx.now.toISOString() })
      .where(eq(users.id, target.id))
      .run()
    endSessions(tx, target.id, ctx.now)
    audit(tx, ctx, 'staff.resetPassword', { projectId: sharedProject(ctx, target.id), input })
  })
  return { ok: true as const }
}

/**
 * Deactivating ends the person's sessions at once and signs them out of every project's rotation
 * today, so no visitor is given to them again; a visitor they were receiving is left for a manager
 * to reassign. Their records stay.
 */
export async function setStaffActive({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { userId: string; active: boolean; reason?: string | undefined }
}) {
  if (input.userId === ctx.actor.user.id && !input.active) fail('BAD_REQUEST', 'staff.cannotDeactivateSelf')
  const target = loadManagedStaff(ctx, input.userId)
  if (!input.active) {
    const hub = ctx.deps.rotation
    const reason = input.reason ?? DEACTIVATED_REASON
    for (const projectId of projectIdsOf(ctx.db, target.id)) {
      if (!hub.day(projectId, ctx.now).state.consultants.has(target.id)) continue
      const { result } = await hub.commit(
        projectId,
        ctx.now,
        eventActor(ctx),
        { type: 'signOut', consultantId: target.id, reason },
        (tx, decisions, day, event) => persistDecisions(tx, hub, day, decisions, event),
      )
      deliverNotices(hub, result)
    }
  }
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({ active: input.active, updatedAt: ctx.now.toISOString() })
      .where(eq(users.id, target.id))
      .run()
    if (!input.active) endSessions(tx, target.id, ctx.now)
    audit(tx, ctx, 'staff.setActive', { projectId: sharedProject(ctx, target.id), input })
  })
  return { ok: true as const }
}

/** The reason a deactivation writes in the rotation log when the manager gives none. */
const DEACTIVATED_REASON = '账号已停用'

/** The first of the actor's projects the target is in: where the audit entry is filed. */
function sharedProject(ctx: UserServiceContext, userId: string): string | null {
  return projectIdsOf(ctx.db, userId).find((id) => ctx.actor.projectIds.includes(id)) ?? null
}
