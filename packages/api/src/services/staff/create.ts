import { eq, sql } from 'drizzle-orm'
import { hashPassword, hashPin, newId, projectMembers, users, type DbOrTx } from '@anchang/db'
import type { StaffCreateInput } from '@anchang/shared'
import { fail } from '../../errors'
import { assertProjectAccess, type UserContext } from '../../trpc'
import { assertCanManageRole } from './access'

export function assertUsernameFree(db: DbOrTx, username: string): void {
  const taken = db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .get()
  if (taken) fail('CONFLICT', 'staff.usernameTaken', { username })
}

export function assertPinFree(db: DbOrTx, pin: string, exceptUserId?: string): void {
  const holder = db.select({ id: users.id }).from(users).where(eq(users.pinHash, hashPin(pin))).get()
  if (holder && holder.id !== exceptUserId) fail('CONFLICT', 'staff.pinTaken', { pin })
}

export async function createStaff({ ctx, input }: { ctx: UserContext; input: StaffCreateInput }) {
  assertCanManageRole(ctx, input.role)
  const projectIds = [...new Set(input.projectIds)]
  for (const projectId of projectIds) assertProjectAccess(ctx, projectId)
  if (input.pin && input.role !== 'consultant') fail('BAD_REQUEST', 'staff.pinOnlyConsultant')
  assertUsernameFree(ctx.db, input.username)
  if (input.pin) assertPinFree(ctx.db, input.pin)

  const passwordHash = await hashPassword(input.password)
  const id = newId()
  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    // Checked again inside the transaction: another request may have taken the name while we hashed.
    assertUsernameFree(tx, input.username)
    if (input.pin) assertPinFree(tx, input.pin)
    tx.insert(users)
      .values({
        id,
        username: input.username,
        name: input.name,
        role: input.role,
        passwordHash,
        pinHash: input.pin ? hashPin(input.pin) : null,
        createdAt: at,
        updatedAt: at,
      })
      .run()
    tx.insert(projectMembers)
      .values(projectIds.map((projectId) => ({ projectId, userId: id, joinedAt: at })))
      .run()
  })
  return { id }
}
