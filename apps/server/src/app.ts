import express, { type ErrorRequestHandler } from 'express'
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { Socket } from 'node:net'
import { createContext, type AppDeps } from '@anchang/api'
import { MESSAGES, pickLocale, type Locale, type MessageKey } from '@anchang/shared'
import { credentialsOf, factsOf, prepareRequest } from './request'
import { createRpcTransport, type RpcTransport } from './rpc'
import { mountApps } from './static'

export const MAX_BODY_BYTES = 64 * 1024
/**
 * The calls that carry a list by contract and may be larger, alone (never in a batch): a building's
 * 5 000 units are about a megabyte of JSON.
 */
export const LARGE_BODY_BYTES: Readonly<Record<string, number>> = { 'units.import': 2 * 1024 * 1024 }

function errorBody(key: MessageKey, locale: Locale | 'both', code: string): string {
  const message = locale === 'both' ? `${MESSAGES[key]['zh-CN']} ${MESSAGES[key].en}` : MESSAGES[key][locale]
  return JSON.stringify({ error: { message, data: { code } } })
}

export interface App {
  listener: RequestListener
  rpc: RpcTransport
}

/**
 * The server's request listener. tRPC calls take the one path of rpc.ts; Express serves the rest:
 * /healthz and the apps. Every request first gets its security headers, request id, language and
 * log line (request.ts), and nothing a client sends can throw past the listener.
 */
export function createApp(deps: AppDeps, opts: { repoRoot?: string; trustProxy?: boolean } = {}): App {
  const trustProxy = opts.trustProxy ?? false
  const rpc = createRpcTransport(deps, {
    maxBodyBytes: MAX_BODY_BYTES,
    largeBodyBytes: LARGE_BODY_BYTES,
    trustProxy,
    factsOf,
    makeContext: (req, res, method, connectionToken) => {
      const facts = prepareRequest(req, res, deps.log, trustProxy)
      const presented = credentialsOf(req)
      return createContext(deps, {
        sessionToken: presented.sessionToken,
        bearerToken: presented.bearerToken ?? (typeof connectionToken === 'string' ? connectionToken : null),
        ip: facts.ip,
        userAgent: req.headers['user-agent'] ?? null,
        locale: facts.locale,
        requestId: facts.requestId,
        secure: facts.secure,
        method,
        setCookie: (header) => res.appendHeader('Set-Cookie', header),
      })
    },
  })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  if (opts.repoRoot) mountApps(app, opts.repoRoot)
  app.use((req, res) => {
    res
      .status(404)
      .type('json')
      .send(
        errorBody('request.notFoundPage', prepareRequest(req, res, deps.log, trustProxy).locale, 'NOT_FOUND'),
      )
  })
  // Express's own refusals (a malformed path for the static files, say) and our faults alike.
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const { locale } = prepareRequest(req, res, deps.log, trustProxy)
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 500)
      deps.log.error('unhandled error', { error: err instanceof Error ? err.stack : String(err) })
    if (res.headersSent) return
    res
      .status(status)
      .type('json')
      .send(
        status === 500
          ? errorBody('server.internal', locale, 'INTERNAL_SERVER_ERROR')
          : errorBody('request.invalid', locale, 'BAD_REQUEST'),
      )
  }
  app.use(onError)

  const listener: RequestListener = (req, res) => {
    try {
      prepareRequest(req, res, deps.log, trustProxy)
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (url.pathname.startsWith('/trpc/') || url.pathname === '/trpc') rpc.handle(req, res, url)
      else app(req, res)
    } catch (error) {
      lastResort(deps, req, res, error)
    }
  }
  return { listener, rpc }
}

/** What no handler caught: logged with its stack, answered with a sentence, and the server goes on. */
function lastResort(deps: AppDeps, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  deps.log.error('request failed outside any handler', {
    path: req.url?.slice(0, 200),
    error: error instanceof Error ? error.stack : String(error),
  })
  if (res.headersSent) {
    res.end()
    return
  }
  res.writeHead(500, { 'content-type': 'application/json' })
  res.end(errorBody('server.internal', pickLocale(req.headers['accept-language']), 'INTERNAL_SERVER_ERROR'))
}

/**
 * The HTTP server around the app. A request Node cannot even parse (a URL or headers past its
 * limit, a malformed request line) never reaches the listener: it gets a JSON sentence here.
 */
export function createHttpServer(
  deps: AppDeps,
  opts: { repoRoot?: string; trustProxy?: boolean } = {},
): { server: Server; app: App } {
  const app = createApp(deps, opts)
  const server = createServer(app.listener)
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy()
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    // Unparsed, the request has no Accept-Language to read: the sentence comes in both languages.
    const body = errorBody(tooLarge ? 'request.urlTooLong' : 'request.invalid', 'both', 'BAD_REQUEST')
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
  return { server, app }
}
