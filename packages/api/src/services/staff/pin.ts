import { and, eq, inArray, ne } from 'drizzle-orm'
import { hashPin, projectMembers, users, type DbOrTx } from '@anchang/db'
import { fail } from '@anchang/shared'

/**
 * A kiosk PIN names one consultant of the kiosk's project, so it must be unique among the members
 * of every project its holder belongs to; the same four digits may open duty in two other offices.
 * The refusal names no project and no person, so nothing is learnt of offices the manager is not in.
 */
export function assertPinHashFree(
  db: DbOrTx,
  pinHash: string,
  projectIds: readonly string[],
  exceptUserId?: string,
): void {
  if (!projectIds.length) return
  const holder = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(projectMembers, eq(projectMembers.userId, users.id))
    .where(
      and(
        eq(users.pinHash, pinHash),
        inArray(projectMembers.projectId, [...projectIds]),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    )
    .get()
  if (holder) fail('CONFLICT', 'staff.pinTaken')
}

export const assertPinFree = (
  db: DbOrTx,
  pin: string,
  projectIds: readonly string[],
  exceptUserId?: string,
) => assertPinHashFree(db, hashPin(pin), projectIds, exceptUserId)
