/**
 * A real server for black-box tests: the minimal seed on an in-memory database, an ephemeral
 * loopback port, and a fetch helper that returns what a client would read.
 */
import type { AddressInfo } from 'node:net'
import { createDeps, createLogger, type AppDeps } from '@anchang/api'
import { openDatabase, seedDatabase, type Database_ } from '@anchang/db'
import { createHttpServer } from './app'

export interface Running {
  url: string
  port: number
  database: Database_
  deps: AppDeps
  close(): Promise<void>
}

export async function startServer(
  opts: { log?: (line: string) => void; repoRoot?: string } = {},
): Promise<Running> {
  const database = openDatabase(':memory:')
  await seedDatabase(database.db, 'minimal')
  const log = opts.log ? createLogger('debug', opts.log) : createLogger('silent')
  const deps = createDeps({ db: database.db, log })
  const { server } = createHttpServer(deps, opts.repoRoot ? { repoRoot: opts.repoRoot } : {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database,
    deps,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      database.close()
    },
  }
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response body as the client reads it
  body: any
}

export interface Send {
  method?: 'GET' | 'POST'
  /** A string is sent as is; anything else as JSON. */
  body?: unknown
  input?: unknown
  cookie?: string
  bearer?: string
  lang?: string
  contentType?: string
  headers?: Record<string, string>
}

export async function sendTo(on: Running, path: string, opts: Send = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.cookie) headers.cookie = opts.cookie
  if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`
  if (opts.lang) headers['accept-language'] = opts.lang
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST')
  if (method === 'POST') headers['content-type'] = opts.contentType ?? 'application/json'
  const query = opts.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(opts.input))}`
  const response = await fetch(`${on.url}${path}${query}`, {
    method,
    headers,
    ...(method === 'POST'
      ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body ?? {}) }
      : {}),
  })
  const text = await response.text()
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    body = null
  }
  return { status: response.status, headers: response.headers, text, body }
}

export function sessionCookie(answer: Answer): string {
  const header = answer.headers.getSetCookie().find((c) => c.startsWith('anchang_session='))
  if (!header) throw new Error(`no session cookie in ${answer.headers.getSetCookie().join(' | ')}`)
  return header.split(';')[0]!
}
