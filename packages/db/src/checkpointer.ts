import { Worker } from 'node:worker_threads'
import type { Database_ } from './client'

export interface Checkpointer {
  /** Stops the thread; the database's own close then checkpoints what is left. */
  stop(): Promise<void>
}

/** SQLite's own threshold, restored if the checkpoint thread ever stops: the log must not grow unbounded. */
const AUTOCHECKPOINT_PAGES = 1000

/**
 * Moves checkpointing off the thread that writes (see checkpoint-worker.ts): the connection's own
 * automatic checkpoints are switched off while the worker runs, and back on if it dies, so the
 * write-ahead log never grows without bound. `worker` is the worker's module, which the caller
 * locates (the server runs from a bundle in production and from sources in development).
 */
export function startCheckpointer(
  database: Database_,
  file: string,
  worker: URL,
  onProblem: (message: string) => void,
  opts: { intervalMs?: number; walBytes?: number } = {},
): Checkpointer {
  const workerData = { file, intervalMs: opts.intervalMs ?? 250, walBytes: opts.walBytes ?? 4 * 1024 * 1024 }
  // From sources (development, the process tests) the worker is TypeScript: it loads tsx first, as
  // the server's own thread did, since a worker does not inherit registered loaders on Node 20.
  const thread = worker.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(worker.href)}) })`,
        { eval: true, workerData },
      )
    : new Worker(worker, { workerData })
  database.sqlite.pragma('wal_autocheckpoint = 0')
  let stopping = false
  const fallBack = (message: string) => {
    if (database.sqlite.open) database.sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    onProblem(message)
  }
  thread.on('message', (message: unknown) => {
    if (message && typeof message === 'object' && 'error' in message)
      onProblem(`checkpoint failed: ${String(message.error)}`)
  })
  thread.on('error', (error) => fallBack(`checkpoint thread failed: ${error.stack ?? String(error)}`))
  thread.on('exit', (code) => {
    if (!stopping) fallBack(`checkpoint thread exited (${code}); SQLite checkpoints by itself again`)
  })
  return {
    stop() {
      stopping = true
      return new Promise((resolve) => {
        thread.once('exit', () => resolve())
        thread.once('message', () => void thread.terminate())
        thread.postMessage('stop')
      })
    },
  }
}
