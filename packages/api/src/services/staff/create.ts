import { sql } from 'drizzle-orm'
import { hashPassword, hashPin, newId, projectMembers, users, type DbOrTx } from '@anchang/db'
import { fail, type Role, type StaffCreateInput } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { assertCanManageRole } from './access'
import { assertPinFree } from './pin'

export function assertUsernameFree(db: DbOrTx, username: string): void {
  const taken = db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
    .get()
  if (taken) fail('CONFLICT', 'staff.usernameTaken', { username })
}

/** A channel partner's sign-in names its agency and is for one project (DOMAIN.md). */
export function assertChannelAccount(
  role: Role,
  agency: string | null | undefined,
  projectIds: string[],
): void {
  if (role !== 'channel') return
  if (!agency) fail('BAD_REQUEST', 'staff.agencyRequired')
  if (projectIds.length !== 1) fail('BAD_REQUEST', 'staff.channelOneProject')
}

export async function createStaff({ ctx, input }: { ctx: UserServiceContext; input: StaffCreateInput }) {
  assertCanManageRole(ctx, input.role)
  const projectIds = [...new Set(input.projectIds)]
  for (const projectId of projectIds) assertProjectAccess(ctx, projectId)
  if (input.pin && input.role !== 'consultant') fail('BAD_REQUEST', 'staff.pinOnlyConsultant')
  assertChannelAccount(input.role, input.agency, projectIds)
  assertUsernameFree(ctx.db, input.username)
  if (input.pin) assertPinFree(ctx.db, input.pin, projectIds)

  const passwordHash = await hashPassword(input.password)
  const id = newId()
  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    // Checked again inside the transaction: another request may have taken the name while we hashed.
    assertUsernameFree(tx, input.username)
    if (input.pin) assertPinFree(tx, input.pin, projectIds)
    tx.insert(users)
      .values({
        id,
        username: input.username,
        name: input.name,
        role: input.role,
        passwordHash,
        pinHash: input.pin ? hashPin(input.pin) : null,
        agency: input.role === 'channel' ? input.agency! : null,
        createdAt: at,
        updatedAt: at,
      })
      .run()
    tx.insert(projectMembers)
      .values(projectIds.map((projectId) => ({ projectId, userId: id, joinedAt: at })))
      .run()
    audit(tx, ctx, 'staff.create', { projectId: projectIds[0], input })
  })
  return { id }
}
