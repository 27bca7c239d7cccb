import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database_ } from './client'
import { hashPassword, newId, verifyPassword } from './crypto'
import { projects, users } from './schema/index'
import { DEMO_PEOPLE, isEmptyDatabase, seedDatabase } from './seed/index'

const dir = mkdtempSync(join(tmpdir(), 'anchang-db-'))
const open: Database_[] = []
afterEach(() => {
  for (const database of open.splice(0)) database.close()
})
const fresh = (name = `${newId()}.db`) => {
  const database = openDatabase(join(dir, name))
  open.push(database)
  return database
}

describe('openDatabase', () => {
  it('opens a file with the durability the product promises: WAL, synchronous=FULL, foreign keys', () => {
    const { sqlite } = fresh()
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('applies the committed migrations, and again on reopening without harm', () => {
    fresh('reopen.db').close()
    const { db } = fresh('reopen.db')
    expect(isEmptyDatabase(db)).toBe(true)
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(projects)
        .get()?.n,
    ).toBe(0)
  })

  it('reuses compiled statements without mixing up raw rows and objects', () => {
    const { db, sqlite } = fresh()
    const at = new Date().toISOString()
    db.insert(projects)
      .values({ id: 'p1', code: 'P1', name: '一期', timeZone: 'Asia/Shanghai', createdAt: at })
      .run()
    // drizzle reads through raw rows; a plain read of the same text must still give objects.
    expect(db.select({ name: projects.name }).from(projects).where(eq(projects.id, 'p1')).get()).toEqual({
      name: '一期',
    })
    const text = db.select({ name: projects.name }).from(projects).where(eq(projects.id, 'p1')).toSQL().sql
    expect(sqlite.prepare(text).get('p1')).toEqual({ name: '一期' })
    expect(db.select({ name: projects.name }).from(projects).where(eq(projects.id, 'p1')).get()).toEqual({
      name: '一期',
    })
  })

  it('refuses a row that points at nothing', () => {
    const { db, sqlite } = fresh()
    expect(() =>
      db
        .insert(users)
        .values({
          id: 'u',
          username: 'x',
          name: 'x',
          role: 'consultant',
          passwordHash: 'x',
          createdAt: '',
          updatedAt: '',
        })
        .run(),
    ).not.toThrow()
    expect(() =>
      sqlite
        .prepare(`insert into project_members (project_id, user_id, joined_at) values ('nope', 'u', '')`)
        .run(),
    ).toThrow(/FOREIGN KEY/)
  })
})

describe('seedDatabase', () => {
  it('loads the demo accounts into an empty database, and changes nothing on one with data', async () => {
    const { db } = fresh()
    expect(await seedDatabase(db, 'minimal')).toBe(true)
    const names = db
      .select({ username: users.username })
      .from(users)
      .all()
      .map((u) => u.username)
      .sort()
    expect(names).toEqual(DEMO_PEOPLE.map((p) => p.username).sort())
    const before = db.select().from(users).all()
    expect(await seedDatabase(db, 'demo')).toBe(false)
    expect(db.select().from(users).all()).toEqual(before)
  })
})

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one, with a salt per hash', async () => {
    const [a, b] = await Promise.all([hashPassword('demo1234'), hashPassword('demo1234')])
    expect(a).not.toBe(b)
    expect(await verifyPassword('demo1234', a)).toBe(true)
    expect(await verifyPassword('demo1235', a)).toBe(false)
    expect(await verifyPassword('demo1234', 'not-a-hash')).toBe(false)
  })
})

process.on('exit', () => rmSync(dir, { recursive: true, force: true }))

describe('newId', () => {
  it('sorts by creation time, so each table grows at the end of its key index, and never repeats', () => {
    const earlier = newId(Date.parse('2026-03-02T02:00:00.000Z'))
    const later = newId(Date.parse('2026-03-02T02:00:00.001Z'))
    expect(earlier < later).toBe(true)
    const many = Array.from({ length: 10_000 }, () => newId())
    expect(new Set(many).size).toBe(10_000)
    expect(many[0]).toMatch(/^[0-9a-f]{12}[A-Za-z0-9_-]{16}$/)
  })
})
