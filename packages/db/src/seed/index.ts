import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { users } from '../schema/index'
import { seedAccounts } from './accounts'

export { DEMO_CHANNELS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT } from './accounts'

export const SEEDS = ['minimal', 'demo'] as const
export type SeedName = (typeof SEEDS)[number]

export function isEmptyDatabase(db: Db): boolean {
  return (
    (db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0) === 0
  )
}

/**
 * Loads a seed into an empty database and answers true; on a database that holds anything it
 * changes nothing and answers false (CONTRACT.md: `SEED` applies only to an empty database).
 */
export async function seedDatabase(db: Db, seed: SeedName, now = new Date()): Promise<boolean> {
  if (!isEmptyDatabase(db)) return false
  await seedAccounts(db, now)
  return true
}
