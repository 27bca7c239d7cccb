import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as schema from './schema/index'

/** drizzle over better-sqlite3; `$client` is the connection itself, for the few statements drizzle would slow down. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** A transaction handle; drizzle's better-sqlite3 transactions are synchronous. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database_ {
  db: Db
  sqlite: Database.Database
  close(): void
}

/** The committed migrations, beside this package's sources (or as told, for a bundled server). */
const DEFAULT_MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../drizzle')

/**
 * Opens the database with the settings the product relies on: WAL for concurrent readers,
 * `synchronous=FULL` so an acknowledged write survives a power cut, foreign keys enforced,
 * and a busy timeout instead of an immediate SQLITE_BUSY.
 */
export function openDatabase(file: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): Database_ {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder })
  // The planner's statistics, refreshed where a table outgrew them (bounded work per index): without
  // them a search ORing the owner's numbers with the last four digits scans the project's book
  // instead of reading both indexes. The server repeats this on its sweep as the book grows.
  sqlite.pragma('analysis_limit = 1000')
  sqlite.pragma('optimize = 0x10002')
  return {
    db,
    sqlite,
    close() {
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)')
        sqlite.close()
      }
    },
  }
}

/**
 * drizzle prepares every statement anew, and compiling SQL costs more than running it: reuse
 * compiled statements by their text. Statements are used synchronously, one at a time, so sharing
 * is safe; drizzle switches a statement to raw rows for its own reads, so a reused reader is switched
 * back first.
 */
function cacheStatements(sqlite: Database.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source)
    if (cached) {
      if (cached.reader) cached.raw(false)
      return cached
    }
    const statement = prepare(source)
    if (cache.size >= limit) cache.delete(cache.keys().next().value!)
    cache.set(source, statement)
    return statement
  }) as typeof sqlite.prepare
}
