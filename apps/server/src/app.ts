import express, { type ErrorRequestHandler } from 'express'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import { appRouter, createContext, SESSION_COOKIE, type AppDeps, type Context } from '@anchang/api'
import { MESSAGES } from '@anchang/shared'
import { prepareRequest } from './request'
import { logServerFault, trpcHandler } from './rpc'
import { mountApps } from './static'

export const MAX_BODY_BYTES = 64 * 1024

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match ? match[1]! : null
}

/**
 * The server's request listener. tRPC calls are answered on the bare Node request (see rpc.ts);
 * Express serves the rest: /healthz, the apps, tRPC batches. Every request first gets its security
 * headers, request id, language and log line (request.ts).
 */
export function createApp(
  deps: AppDeps,
  opts: { repoRoot?: string; trustProxy?: boolean } = {},
): RequestListener {
  const trustProxy = opts.trustProxy ?? false
  const contextFor = (req: IncomingMessage, res: ServerResponse, connectionToken?: unknown): Context => {
    const facts = prepareRequest(req, res, deps.log, trustProxy)
    return createContext(deps, {
      sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
      bearerToken:
        bearer(req.headers.authorization) ?? (typeof connectionToken === 'string' ? connectionToken : null),
      ip: facts.ip,
      userAgent: req.headers['user-agent'] ?? null,
      locale: facts.locale,
      requestId: facts.requestId,
      secure: facts.secure,
      setCookie: (header) => res.appendHeader('Set-Cookie', header),
    })
  }
  const trpc = trpcHandler(deps, contextFor, MAX_BODY_BYTES)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.use((req, res, next) => {
    prepareRequest(req, res, deps.log, trustProxy)
    next()
  })

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })

  // The contract's mutations carry a JSON body whatever Content-Type the client declared
  // (curl's default is a form type); tRPC would refuse those with 415.
  app.post('/trpc/{*path}', (req, _res, next) => {
    req.headers['content-type'] = 'application/json'
    next()
  })
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req, res, info }) => contextFor(req, res, info.connectionParams?.token),
      onError: (failure) => logServerFault(deps, failure),
    }),
  )

  if (opts.repoRoot) mountApps(app, opts.repoRoot)

  app.use((req, res) => {
    const { locale } = prepareRequest(req, res, deps.log, trustProxy)
    res
      .status(404)
      .json({ error: { message: MESSAGES['request.notFoundPage'][locale], data: { code: 'NOT_FOUND' } } })
  })

  // The last resort: log the error, answer with a sentence, never a stack.
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const { locale } = prepareRequest(req, res, deps.log, trustProxy)
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 500)
      deps.log.error('unhandled error', { error: err instanceof Error ? err.stack : String(err) })
    if (res.headersSent) return
    const key = status === 500 ? 'server.internal' : 'request.invalid'
    res
      .status(status)
      .json({
        error: {
          message: MESSAGES[key][locale],
          data: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
        },
      })
  }
  app.use(onError)

  return (req, res) => {
    if (req.url?.startsWith('/trpc/')) {
      prepareRequest(req, res, deps.log, trustProxy)
      if (trpc(req, res, new URL(req.url, 'http://localhost'))) return
    }
    app(req, res)
  }
}
