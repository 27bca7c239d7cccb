/**
 * The candidate the check-in benchmark measures against our transport: the same router, context,
 * database settings and seed, served by tRPC's own standalone (node-http) adapter. Started by
 * checkin.ts as a child process; prints `LISTENING <port>` once it accepts requests.
 */
import { createServer } from 'node:http'
import { parse as parseCookie } from 'cookie'
import { createHTTPHandler } from '@trpc/server/adapters/standalone'
import { appRouter, createContext, createDeps, createLogger, SESSION_COOKIE } from '@anchang/api'
import { openDatabase, seedDatabase } from '@anchang/db'

const database = openDatabase(process.env.DB_FILE!)
await seedDatabase(database.db, 'minimal')
const deps = createDeps({ db: database.db, log: createLogger('silent') })
let requests = 0
const trpc = createHTTPHandler({
  router: appRouter,
  basePath: '/trpc/',
  createContext: ({ req, res }) => {
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null
    return createContext(deps, {
      sessionToken: req.headers.cookie ? (parseCookie(req.headers.cookie)[SESSION_COOKIE] ?? null) : null,
      bearerToken: bearer,
      ip: req.socket.remoteAddress ?? '',
      locale: 'zh-CN',
      requestId: String((requests += 1)),
      method: req.method === 'GET' ? 'GET' : 'POST',
      setCookie: (header) => res.appendHeader('Set-Cookie', header),
    })
  },
})
const server = createServer((req, res) => {
  // The contract's clients send JSON whatever they declare, as our transport accepts.
  req.headers['content-type'] = 'application/json'
  return trpc(req, res)
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(`LISTENING ${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => {
    database.close()
    process.exit(0)
  })
})
