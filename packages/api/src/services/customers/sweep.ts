import type { Db } from '@anchang/db'

/** How often the server sweeps: a protection that ended is already read as the pool until then. */
export const SWEEP_EVERY_MS = 10 * 60_000

/**
 * Customers whose protection ended are in the public pool on every read already (the ownership rule
 * decides it from the clock); this clears their due day, so the overdue lists and the rotation's
 * overdue check walk only customers someone still owns instead of stepping over every lapsed one.
 * It reads the index of owned customers with a due day by protection end, so a sweep with nothing to
 * do costs nothing. Answers how many it cleared.
 */
export function sweepEndedProtection(db: Db, now: Date): number {
  return db.$client
    .prepare(
      `update customers set follow_up_due_on = null
       where owner_id is not null and follow_up_due_on is not null and protection_ends_at <= ?`,
    )
    .run(now.toISOString()).changes
}
