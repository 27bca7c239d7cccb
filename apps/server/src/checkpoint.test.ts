/**
 * The checkpoint thread: the log's pages reach the database file without the writing connection
 * checkpointing inside its commits, and if the thread dies SQLite takes over again.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, startCheckpointer } from '@anchang/db'

const dir = mkdtempSync(join(tmpdir(), 'anchang-checkpoint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const worker = new URL('../../../packages/db/src/checkpoint-worker.ts', import.meta.url)

const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  return check()
}

describe('the checkpoint thread', { timeout: 30_000 }, () => {
  it('copies committed pages into the database file while the writer keeps writing, and the writer never checkpoints', async () => {
    const file = join(dir, 'busy.db')
    const database = openDatabase(file)
    const problems: string[] = []
    const checkpointer = startCheckpointer(database, file, worker, (m) => problems.push(m), {
      intervalMs: 50,
      walBytes: 64 * 1024,
    })
    expect(
      database.sqlite.pragma('wal_autocheckpoint', { simple: true }),
      'the writer leaves checkpoints to the thread',
    ).toBe(0)
    database.sqlite.exec('create table payload (id integer primary key, text text)')
    const insert = database.sqlite.prepare('insert into payload (text) values (?)')
    const before = statSync(file).size
    for (let i = 0; i < 4_000; i++) insert.run('x'.repeat(400))
    expect(
      await until(() => statSync(file).size > before + 1024 * 1024),
      'the pages reached the database file',
    ).toBe(true)
    await checkpointer.stop()
    expect(problems).toEqual([])
    database.close()
  })

  it('hands checkpoints back to SQLite if the thread dies, so the log cannot grow without bound', async () => {
    const file = join(dir, 'orphan.db')
    const database = openDatabase(file)
    const problems: string[] = []
    startCheckpointer(database, file, new URL('./no-such-worker.ts', import.meta.url), (m) =>
      problems.push(m),
    )
    expect(await until(() => problems.length > 0)).toBe(true)
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    database.close()
  })
})
