import { join } from 'node:path'
import { createDeps, createLogger, seedDemoHistory, SWEEP_EVERY_MS, sweepEndedProtection } from '@anchang/api'
import { isEmptyDatabase, openDatabase, seedDatabase, startCheckpointer } from '@anchang/db'
import { createHttpServer } from './app'
import { loadEnv } from './env'

const env = loadEnv()
const log = createLogger(env.LOG_LEVEL)
const database = openDatabase(env.dbFile, join(env.repoRoot, 'packages/db/drizzle'))

const deps = createDeps({
  db: database.db,
  log,
  config: { sessionIdleMinutes: env.SESSION_IDLE_MINUTES, allowPrivateWebhooks: env.WEBHOOK_ALLOW_PRIVATE },
})

// SEED applies only to an empty database; with no SEED an empty database gets the demo.
if (isEmptyDatabase(database.db)) {
  const seed = env.SEED ?? 'demo'
  await seedDatabase(database.db, seed)
  if (seed === 'demo') {
    await seedDemoHistory(deps, 'DEMO', deps.clock(), (day, of) => {
      if (day % 15 === 0 || day === of) log.info('seeding demo history', { day, of })
    })
  }
  log.info('seeded', { seed })
} else if (env.SEED) {
  log.info('seed ignored: the database holds data', { seed: env.SEED })
}
// The checkpoint thread: the bundle's sibling in production, the db package's source under tsx.
const checkpointWorker = import.meta.url.endsWith('.ts')
  ? new URL('../../../packages/db/src/checkpoint-worker.ts', import.meta.url)
  : new URL('./checkpoint-worker.js', import.meta.url)
const checkpointer =
  env.dbFile === ':memory:'
    ? null
    : startCheckpointer(database, env.dbFile, checkpointWorker, (message) => log.error(message))
deps.webhooks.start()
// Lapsed protections lose their due day, so the overdue lists stay short (reads never depend on it).
function sweep() {
  try {
    const cleared = sweepEndedProtection(database.db, deps.clock())
    if (cleared) log.info('protections ended', { cleared })
    database.sqlite.pragma('optimize')
  } catch (error) {
    log.error('sweep failed', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
}
sweep()
const sweeper = setInterval(sweep, SWEEP_EVERY_MS)
sweeper.unref()
const { server, app } = createHttpServer(deps, { repoRoot: env.repoRoot, trustProxy: env.TRUST_PROXY })
server.listen(env.PORT, env.HOST, () => {
  const address = server.address()
  log.info('listening', {
    port: typeof address === 'object' && address ? address.port : env.PORT,
    dbFile: env.dbFile,
  })
})

// The last resort: whatever escaped every handler is logged and the server keeps serving. SQLite
// transactions are synchronous, so nothing is left half written by an error thrown past them.
process.on('uncaughtException', (error) =>
  log.error('uncaught exception', { error: error.stack ?? String(error) }),
)
process.on('unhandledRejection', (reason) =>
  log.error('unhandled rejection', { error: reason instanceof Error ? reason.stack : String(reason) }),
)

let closing = false
function shutdown(signal: string) {
  if (closing) return
  closing = true
  log.info('shutting down', { signal })
  deps.webhooks.stop()
  deps.imports.stop()
  clearInterval(sweeper)
  // Stop accepting, let requests in flight finish, and end the open streams cleanly: the screens
  // reconnect to the next server.
  server.close(() => {
    void (checkpointer?.stop() ?? Promise.resolve()).then(() => {
      database.close()
      log.info('closed')
      log.flush()
      process.exit(0)
    })
  })
  app.rpc.closeStreams()
  server.closeIdleConnections()
  setTimeout(() => server.closeAllConnections(), 2_000).unref()
  setTimeout(() => {
    log.error('forced exit after 10 s')
    database.close()
    log.flush()
    process.exit(1)
  }, 10_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
