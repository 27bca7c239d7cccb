import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { auditLog, checkIns, customers, devices, rotationEvents, waitingEntries, type Db } from '@anchang/db'

/**
 * The statements every check-in runs, built once per database. drizzle otherwise rebuilds each
 * query's SQL from its builder on every call, which costs more than SQLite running it; the kiosk's
 * hot path is the one place that shows.
 */
function insertAll<T extends SQLiteTable>(db: Db, table: T, generated: readonly string[] = []) {
  const columns = Object.keys(getTableColumns(table)).filter((name) => !generated.includes(name))
  const statement = db
    .insert(table)
    .values(Object.fromEntries(columns.map((name) => [name, sql.placeholder(name)])) as T['$inferInsert'])
    .prepare()
  // Every column is bound: a value left out is stored as NULL, as an ordinary insert would.
  return (row: T['$inferInsert']) =>
    statement.run(
      Object.fromEntries(columns.map((name) => [name, (row as Record<string, unknown>)[name] ?? null])),
    )
}

function build(db: Db) {
  return {
    deviceByToken: db
      .select()
      .from(devices)
      .where(and(eq(devices.tokenHash, sql.placeholder('tokenHash')), isNull(devices.revokedAt)))
      .prepare(),
    customerByPhone: db
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.projectId, sql.placeholder('projectId')),
          eq(customers.phone, sql.placeholder('phone')),
        ),
      )
      .prepare(),
    insertCustomer: insertAll(db, customers),
    insertCheckIn: insertAll(db, checkIns),
    insertWaiting: insertAll(db, waitingEntries),
    insertEvent: insertAll(db, rotationEvents, ['id']),
    insertAudit: insertAll(db, auditLog, ['id']),
  }
}

const cache = new WeakMap<Db, ReturnType<typeof build>>()

export function prepared(db: Db): ReturnType<typeof build> {
  let statements = cache.get(db)
  if (!statements) {
    statements = build(db)
    cache.set(db, statements)
  }
  return statements
}
