import { and, eq, inArray } from 'drizzle-orm'
import { hashPassword, hashPin, projectMembers, users } from '@anchang/db'
import type { StaffUpdateInput } from '@anchang/shared'
import { fail } from '../../errors'
import { assertProjectAccess, type UserContext } from '../../trpc'
import { endSessions } from '../auth/session'
import { assertCanManageRole, loadManagedStaff, projectIdsOf } from './access'
import { assertPinFree } from './create'

/**
 * Renames, changes the role, the PIN or the projects of a staff member. Memberships in projects the
 * actor does not belong to are left as they are: a manager moves people only between their own projects.
 */
export function updateStaff({ ctx, input }: { ctx: UserContext; input: StaffUpdateInput }) {
  const target = loadManagedStaff(ctx, input.userId)
  const role = input.role ?? target.role
  if (input.role) assertCanManageRole(ctx, input.role)
  if (input.pin && role !== 'consultant') fail('BAD_REQUEST', 'staff.pinOnlyConsultant')
  if (input.pin) assertPinFree(ctx.db, input.pin, target.id)
  const wanted = input.projectIds && [...new Set(input.projectIds)]
  for (const projectId of wanted ?? []) assertProjectAccess(ctx, projectId)

  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    tx.update(users)
      .set({
        name: input.name ?? target.name,
        role,
        // A PIN belongs to consultants only: a new role without one drops it.
        pinHash: role !== 'consultant' ? null : input.pin === undefined ? target.pinHash : input.pin && hashPin(input.pin),
        updatedAt: at,
      })
      .where(eq(users.id, target.id))
      .run()
    if (wanted) {
      const current = projectIdsOf(ctx, target.id)
      const mine = ctx.actor.projectIds
      const removed = current.filter((id) => mine.includes(id) && !wanted.includes(id))
      const added = wanted.filter((id) => !current.includes(id))
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
    }
  })
  return { ok: true as const }
}

/** A reset password ends every session the person had. */
export async function resetStaffPassword({ ctx, input }: { ctx: UserContext; input: { userId: string; newPassword: string } }) {
  const target = loadManagedStaff(ctx, input.userId)
  const passwordHash = await hashPassword(input.newPassword)
  ctx.db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: ctx.now.toISOString() }).where(eq(users.id, target.id)).run()
    endSessions(tx, target.id, ctx.now)
  })
  return { ok: true as const }
}

/** Deactivating ends the person's sessions at once; their records stay. */
export function setStaffActive({ ctx, input }: { ctx: UserContext; input: { userId: string; active: boolean } }) {
  if (input.userId === ctx.actor.user.id && !input.active) fail('BAD_REQUEST', 'staff.cannotDeactivateSelf')
  const target = loadManagedStaff(ctx, input.userId)
  ctx.db.transaction((tx) => {
    tx.update(users).set({ active: input.active, updatedAt: ctx.now.toISOString() }).where(eq(users.id, target.id)).run()
    if (!input.active) endSessions(tx, target.id, ctx.now)
  })
  return { ok: true as const }
}
