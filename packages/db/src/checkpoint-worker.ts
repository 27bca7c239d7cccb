/**
 * Copies committed pages from the write-ahead log into the database file, on a thread of its own
 * with a connection of its own, so the server's writes never wait for it. SQLite would otherwise do
 * it inside a commit every 1000 pages: a copy and a disk sync of the database file in the middle of
 * a check-in, the stall that showed as hundreds of milliseconds at the 99th percentile.
 */
import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'

const { file, intervalMs, walBytes } = workerData as { file: string; intervalMs: number; walBytes: number }
const db = new Database(file)
// FULL: the database file is synced after each checkpoint, before the log may be overwritten.
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 1000')

function walSize(): number {
  try {
    return statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

let last = 0
const timer = setInterval(() => {
  const size = walSize()
  // A log that has grown, or one that has waited long enough: copy what the writer has committed.
  if (size < walBytes && Date.now() - last < 10 * intervalMs) return
  last = Date.now()
  try {
    // PASSIVE never waits for the writer and never blocks it; what it cannot copy now, it copies next time.
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort?.postMessage({ error: String(error) })
  }
}, intervalMs)

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort?.postMessage('stopped')
})
