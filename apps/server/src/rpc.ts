/**
 * The one path a tRPC call takes: single calls, batches and subscriptions, answered on the bare
 * Node request with the wire format of tRPC's own HTTP adapter (CONTRACT.md, "Wire format") and
 * only tRPC's public exports. The adapter rebuilds every request as a Fetch Request and back, which
 * costs more than a check-in's own work (bench/checkin.ts measures both).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { TRPCError, getTRPCErrorFromUnknown } from '@trpc/server'
import {
  appRouter,
  createCallerFactory,
  credentialHolds,
  errorShape,
  requestError,
  type AppDeps,
  type Context,
} from '@anchang/api'
import { refuseCrossSite, type RequestFacts } from './request'

const createCaller = createCallerFactory(appRouter)

/** More calls than any screen sends at once; a batch is parsed and run as one request. */
export const MAX_BATCH_CALLS = 50
/** Deeper than any input schema: a body nested past it is refused before anything reads it. */
const MAX_JSON_DEPTH = 32
/** A subscription's keep-alive, and how long a client waits without one before reconnecting. */
const PING_MS = 5_000
const RECONNECT_AFTER_INACTIVITY_MS = 12_000
/** How often an open stream asks whether its caller's session or device token still holds. */
const CREDENTIAL_CHECK_MS = 500

export interface TransportOptions {
  /** The context of one request; a subscription's device token may come in its connection parameters. */
  makeContext: (
    req: IncomingMessage,
    res: ServerResponse,
    method: 'GET' | 'POST',
    connectionToken?: unknown,
  ) => Context
  /** What every request was given first (request.ts): its language, above all, for refusals made before a context. */
  factsOf: (req: IncomingMessage) => RequestFacts
  maxBodyBytes: number
  /** Single calls allowed a larger body than `maxBodyBytes`, by path. */
  largeBodyBytes?: Readonly<Record<string, number>>
  trustProxy: boolean
}

type Procedure = (input: unknown) => Promise<unknown>

/** The caller's procedure at a dotted path, or null: the proxy answers every name, so check it is one. */
function procedureOf(ctx: Context, path: string, signal?: AbortSignal): Procedure | null {
  if (!/^[A-Za-z]\w{0,40}(\.[A-Za-z]\w{0,40}){0,3}$/.test(path)) return null
  let node: unknown = createCaller(ctx, signal ? { signal } : {})
  for (const key of path.split('.')) {
    if (key === 'then' || (typeof node !== 'function' && typeof node !== 'object') || node === null)
      return null
    node = (node as Record<string, unknown>)[key]
  }
  return typeof node === 'function' ? (node as Procedure) : null
}

/** True when some array or object in `value` lies deeper than `max`; walks without recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object') continue
    if (depth >= max) return true
    for (const child of Object.values(node))
      if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new TRPCError({ code: 'PARSE_ERROR', cause: cause instanceof Error ? cause : undefined })
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) throw requestError('BAD_REQUEST', 'request.tooDeep')
  return value
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const isStream = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value

/** One board goes to every open stream: it is serialized once, not once per screen. */
const serialized = new WeakMap<object, string>()
function serializeOnce(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  let json = serialized.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    serialized.set(value, json)
  }
  return json
}

/** Answers this long go gzipped to a client that takes it: a 3 000-unit grid is 740 KB, 75 KB zipped. */
const COMPRESS_FROM = 32 * 1024

function sendJson(res: ServerResponse, status: number, body: string): void {
  const accepts = String(res.req?.headers['accept-encoding'] ?? '')
  if (body.length >= COMPRESS_FROM && /\bgzip\b/.test(accepts)) {
    // Level 4: most of the saving for a fraction of the CPU of the default.
    const zipped = gzipSync(body, { level: 4 })
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      vary: 'accept-encoding',
    })
    res.end(zipped)
    return
  }
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(body)
}

export interface RpcTransport {
  /** Answers a request under /trpc/. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void
  /** Ends every open stream cleanly (a server shutting down): clients reconnect to the next one. */
  closeStreams(): void
}

export function createRpcTransport(deps: AppDeps, opts: TransportOptions): RpcTransport {
  const { makeContext, factsOf, maxBodyBytes, trustProxy } = opts
  const largeBodyBytes = new Map(Object.entries(opts.largeBodyBytes ?? {}))
  const streams = new Set<() => void>()

  /** A fault of ours is logged with its stack, which the client never sees; refusals are not faults. */
  function shapeOf(cause: unknown, path: string, ctx: Context | undefined, locale: Context['locale']) {
    const error = getTRPCErrorFromUnknown(cause)
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      deps.log.error('procedure failed', {
        reqId: ctx?.requestId,
        path,
        error: error.cause?.stack ?? error.stack,
      })
    }
    return errorShape(error, locale, path)
  }

  async function call(
    ctx: Context,
    path: string,
    input: unknown,
  ): Promise<{ status: number; body: unknown }> {
    try {
      const procedure = procedureOf(ctx, path)
      if (!procedure) throw new TRPCError({ code: 'NOT_FOUND' })
      const data = await procedure(input)
      if (isStream(data)) {
        // A subscription inside a batch or a POST: it has no stream to go to.
        void (data as AsyncGenerator).return?.(undefined)
        throw requestError('METHOD_NOT_SUPPORTED', 'request.method', { path })
      }
      return { status: 200, body: { result: { data } } }
    } catch (cause) {
      const error = shapeOf(cause, path, ctx, ctx.locale)
      return { status: error.data.httpStatus, body: { error } }
    }
  }

  /**
   * A subscription as server-sent events, in the format of tRPC's SSE producer (what
   * `httpSubscriptionLink` reads): `event: connected`, one `data:` event per value, `event: ping`
   * every 5 s. Every wall board and kiosk holds one open; written here, an update reaches a hundred
   * of them with one serialization and a plain write each. The stream ends within a second of its
   * caller's session ending or device being revoked, with the refusal as tRPC's `serialized-error`.
   */
  async function stream(
    ctx: Context,
    path: string,
    input: unknown,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const abort = new AbortController()
    const end = () => abort.abort()
    req.on('close', end)
    let iterable: AsyncIterable<unknown>
    try {
      const procedure = procedureOf(ctx, path, abort.signal)
      if (!procedure) throw new TRPCError({ code: 'NOT_FOUND' })
      const data = await procedure(input)
      if (!isStream(data)) {
        req.off('close', end)
        return sendJson(res, 200, JSON.stringify({ result: { data } }))
      }
      iterable = data
    } catch (cause) {
      req.off('close', end)
      const error = shapeOf(cause, path, ctx, ctx.locale)
      return sendJson(res, error.data.httpStatus, JSON.stringify({ error }))
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    })
    res.write(
      `event: connected\ndata: ${JSON.stringify({ reconnectAfterInactivityMs: RECONNECT_AFTER_INACTIVITY_MS })}\n\n`,
    )
    const projectId =
      input && typeof input === 'object' && 'projectId' in input && typeof input.projectId === 'string'
        ? input.projectId
        : undefined
    const ping = setInterval(() => res.write('event: ping\ndata: \n\n'), PING_MS)
    const watch = setInterval(() => {
      if (credentialHolds(deps, ctx.credentials, ctx.actor, deps.clock(), projectId)) return
      const key = ctx.actor.type === 'device' ? 'auth.deviceUnknown' : 'auth.sessionExpired'
      const error = errorShape(requestError('UNAUTHORIZED', key), ctx.locale, path)
      res.write(`event: serialized-error\ndata: ${JSON.stringify(error)}\n\n`)
      abort.abort()
    }, CREDENTIAL_CHECK_MS)
    streams.add(end)
    try {
      for await (const value of iterable) res.write(`data: ${serializeOnce(value)}\n\n`)
    } catch (cause) {
      if (!abort.signal.aborted)
        deps.log.error('subscription failed', { reqId: ctx.requestId, path, error: String(cause) })
    } finally {
      streams.delete(end)
      clearInterval(ping)
      clearInterval(watch)
      req.off('close', end)
      res.end()
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method === 'GET' ? 'GET' : req.method === 'POST' ? 'POST' : null
    let rawPath: string
    try {
      rawPath = decodeURIComponent(url.pathname.slice('/trpc/'.length))
    } catch {
      throw requestError('BAD_REQUEST', 'request.badAddress')
    }
    const batch = url.searchParams.get('batch') === '1'
    const paths = batch ? rawPath.split(',') : [rawPath]
    if (!method) throw requestError('METHOD_NOT_SUPPORTED', 'request.method', { path: rawPath })
    if (paths.length > MAX_BATCH_CALLS)
      throw requestError('BAD_REQUEST', 'request.batchTooLarge', { max: MAX_BATCH_CALLS })
    refuseCrossSite(req, trustProxy)
    const limit = (!batch && largeBodyBytes.get(rawPath)) || maxBodyBytes
    const text = method === 'GET' ? url.searchParams.get('input') : await readBody(req, limit)
    const raw = parseJson(text)

    if (!batch) {
      const ctx = makeContext(req, res, method, method === 'GET' ? connectionToken(url) : undefined)
      if (method === 'GET') return stream(ctx, rawPath, raw, req, res)
      const answer = await call(ctx, rawPath, raw)
      return sendJson(res, answer.status, JSON.stringify(answer.body))
    }
    const inputs = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
    const ctx = makeContext(req, res, method)
    // Calls of a batch run in order, as the client sent them: a sign-in guess is judged only after
    // the one before it has been counted.
    const answers: { status: number; body: unknown }[] = []
    for (const [i, path] of paths.entries()) answers.push(await call(ctx, path, inputs[String(i)]))
    const statuses = new Set(answers.map((a) => a.status))
    const status = statuses.size === 1 ? answers[0]!.status : 207
    sendJson(res, status, JSON.stringify(answers.map((a) => a.body)))
  }

  return {
    handle(req, res, url) {
      const { locale } = factsOf(req)
      serve(req, res, url).catch((cause: unknown) => {
        const error = shapeOf(cause, '', undefined, locale)
        if (!res.headersSent) sendJson(res, error.data.httpStatus, JSON.stringify({ error }))
        else res.end()
      })
    },
    closeStreams() {
      for (const end of [...streams]) end()
    },
  }
}

/** A subscription's device token travels in `connectionParams`: an EventSource cannot send headers. */
function connectionToken(url: URL): unknown {
  try {
    const params = JSON.parse(url.searchParams.get('connectionParams') ?? 'null') as {
      token?: unknown
    } | null
    return params?.token
  } catch {
    return undefined
  }
}
