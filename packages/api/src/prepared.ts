import { and, eq, getTableColumns, getTableName, isNull, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { auditLog, checkIns, customers, devices, rotationEvents, type Db } from '@anchang/db'

/**
 * The statements every check-in runs, built once per database. drizzle otherwise rebuilds each
 * query's SQL from its builder on every call, which costs more than SQLite running it; the kiosk's
 * hot path is the one place that shows. The inserts go to better-sqlite3 directly with positional
 * values: building a named-placeholder object per row and drizzle mapping it back cost as much as
 * SQLite's own work on a row.
 */
function insertAll<T extends SQLiteTable>(db: Db, table: T, generated: readonly string[] = []) {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => !generated.includes(key))
  const statement = db.$client.prepare(
    `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  )
  // Every column is bound: a value left out is stored as NULL, as an ordinary insert would. JSON
  // and boolean columns are mapped as drizzle maps them, so rows read back through drizzle alike.
  return (row: T['$inferInsert']) =>
    statement.run(
      columns.map(([key, column]) => {
        const value = (row as Record<string, unknown>)[key]
        return value === undefined || value === null ? null : column.mapToDriverValue(value)
      }),
    )
}

/**
 * One row by a condition, straight from better-sqlite3, with drizzle's property names and the
 * column values as drizzle reads them (JSON and boolean columns mapped back).
 */
function selectOne<T extends SQLiteTable>(db: Db, table: T, where: string) {
  const columns = Object.entries(getTableColumns(table))
  const statement = db.$client.prepare(
    `select ${columns.map(([key, c]) => `"${c.name}" as "${key}"`).join(', ')} from "${getTableName(table)}" where ${where}`,
  )
  const mapped = columns.filter(([, c]) => c.dataType === 'json' || c.dataType === 'boolean')
  return (...params: unknown[]): T['$inferSelect'] | undefined => {
    const row = statement.get(...params) as Record<string, unknown> | undefined
    if (!row) return undefined
    for (const [key, column] of mapped) if (row[key] !== null) row[key] = column.mapFromDriverValue(row[key])
    return row as T['$inferSelect']
  }
}

function build(db: Db) {
  return {
    deviceByToken: db
      .select()
      .from(devices)
      .where(and(eq(devices.tokenHash, sql.placeholder('tokenHash')), isNull(devices.revokedAt)))
      .prepare(),
    customerByPhone: selectOne(db, customers, 'project_id = ? and phone = ?'),
    /** A customer's other number (customer_phones): looked up only when no customer has it as theirs. */
    customerByOtherPhone: selectOne(
      db,
      customers,
      'id = (select customer_id from customer_phones where project_id = ? and phone = ?)',
    ),
    insertCustomer: insertAll(db, customers),
    /**
     * Whether a consultant has a protected customer whose follow-up was due before `today`: a
     * range of the owner's due-day index, stopped at the first protected row.
     */
    hasOverdueFollowUp: db.$client
      .prepare(
        `select 1 from customers where project_id = ? and owner_id = ? and follow_up_due_on is not null
         and follow_up_due_on < ? and protection_ends_at > ? limit 1`,
      )
      .pluck(),
    /**
     * The earliest unexpired report a visit's number meets (every check-in asks): by the whole
     * number, or by its first 3 and last 4 digits, both on the reports' digits index.
     */
    reportByPhone: db.$client.prepare<
      [string, string, string, string, string],
      { id: string; channel: string }
    >(
      `select id, channel from channel_reports where project_id = ? and first3 = ? and last4 = ? and phone = ?
       and status = 'valid' and expires_at > ? order by created_at limit 1`,
    ),
    reportByDigits: db.$client.prepare<[string, string, string, string], { id: string; channel: string }>(
      `select id, channel from channel_reports where project_id = ? and first3 = ? and last4 = ?
       and status = 'valid' and expires_at > ? order by created_at limit 1`,
    ),
    insertCheckIn: insertAll(db, checkIns),
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
