import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import { randomUUID } from 'node:crypto'
import { appRouter, createContext, SESSION_COOKIE, type AppDeps, type Context } from '@anchang/api'
import { MESSAGES, pickLocale, type Locale } from '@anchang/shared'
import { securityHeaders } from './security'
import { singleCallHandler } from './rpc'
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

const localeOf = (res: Response): Locale => (res.locals.locale as Locale | undefined) ?? 'zh-CN'

function bearer(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match ? match[1]! : null
}

export function createApp(deps: AppDeps, opts: { repoRoot?: string; trustProxy?: boolean } = {}): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', opts.trustProxy ?? false)
  app.use(securityHeaders)

  // A request id and the client's language for every request, and one log line when it ends.
  app.use((req, res, next) => {
    const given = req.get('x-request-id')
    const requestId = given && /^[\w-]{1,64}$/.test(given) ? given : randomUUID()
    res.setHeader('X-Request-Id', requestId)
    const started = process.hrtime.bigint()
    res.locals.requestId = requestId
    res.locals.locale = pickLocale(req.get('accept-language'))
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const path = req.originalUrl.split('?')[0]
      deps.log.info('request', { reqId: requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 })
    })
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
  const contextFor = (req: Request, res: Response, connectionToken?: unknown): Context => {
    return createContext(deps, {
      sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
      bearerToken: bearer(req.headers.authorization) ?? (typeof connectionToken === 'string' ? connectionToken : null),
      ip: req.ip ?? req.socket.remoteAddress ?? '',
      userAgent: req.get('user-agent') ?? null,
      locale: localeOf(res),
      requestId: String(res.locals.requestId),
      secure: req.secure,
      setCookie: (header) => res.append('Set-Cookie', header),
    })
  }
  app.use('/trpc', singleCallHandler(deps, contextFor, MAX_BODY_BYTES))
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      createContext: ({ req, res, info }) => contextFor(req, res, info.connectionParams?.token),
      onError({ error, path, type, ctx }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.log.error('procedure failed', { reqId: ctx?.requestId, path, type, error: error.cause?.stack ?? error.stack })
        }
      },
    }),
  )

  if (opts.repoRoot) mountApps(app, opts.repoRoot)

  app.use((req, res) => {
    const locale = localeOf(res)
    res.status(404).json({ error: { message: MESSAGES['request.notFoundPage'][locale], data: { code: 'NOT_FOUND' } } })
  })

  // The last resort: log the error, answer with a sentence, never a stack.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const locale = localeOf(res)
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    if (status === 500) deps.log.error('unhandled error', { error: err instanceof Error ? err.stack : String(err) })
    if (res.headersSent) return
    const key = status === 500 ? 'server.internal' : 'request.invalid'
    res.status(status).json({ error: { message: MESSAGES[key][locale], data: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } } })
  }
  app.use(onError)
  return app
}
