import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  getErrorShape,
  getHTTPStatusCodeFromError,
  getTRPCErrorFromUnknown,
} from '@trpc/server/unstable-core-do-not-import'
import { TRPCError } from '@trpc/server'
import { appRouter, createCallerFactory, type AppDeps, type Context } from '@anchang/api'

const createCaller = createCallerFactory(appRouter)

/** A procedure of the router by its dotted path, from a caller. */
function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>
}

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

const PING_MS = 5_000
const RECONNECT_AFTER_INACTIVITY_MS = 12_000

/**
 * A subscription as server-sent events, in the format of tRPC's SSE producer (what
 * `httpSubscriptionLink` reads): `event: connected`, one `data:` event per value, `event: ping`
 * every 5 s. Every wall board and kiosk holds one open; written here, an update reaches a hundred of
 * them with one serialization and a plain write each, where the adapter's web streams took several
 * promise turns per screen. Refusals (no token, another project) answer as JSON before any event.
 */
async function stream(
  deps: AppDeps,
  makeContext: MakeContext,
  path: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
) {
  let ctx: Context | undefined
  let input: unknown
  const abort = new AbortController()
  req.on('close', () => abort.abort())
  let iterable: AsyncIterable<unknown>
  try {
    const params = parseInput(url.searchParams.get('connectionParams') ?? undefined) as
      | Record<string, unknown>
      | null
      | undefined
    ctx = makeContext(req, res, params?.token)
    input = parseInput(url.searchParams.get('input') ?? undefined)
    iterable = (await procedureOf(
      createCaller(ctx, { signal: abort.signal }),
      path,
    )(input)) as AsyncIterable<unknown>
  } catch (cause) {
    sendError(deps, res, cause, 'subscription', path, input, ctx)
    return
  }
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
  })
  res.write(
    `event: connected\ndata: ${JSON.stringify({ reconnectAfterInactivityMs: RECONNECT_AFTER_INACTIVITY_MS })}\n\n`,
  )
  const ping = setInterval(() => res.write('event: ping\ndata: \n\n'), PING_MS)
  try {
    for await (const value of iterable) res.write(`data: ${serializeOnce(value)}\n\n`)
  } catch (cause) {
    if (!abort.signal.aborted)
      deps.log.error('subscription failed', { reqId: ctx.requestId, path, error: String(cause) })
  } finally {
    clearInterval(ping)
    res.end()
  }
}

/** A fault of ours is logged with its stack, which the client never sees; refusals are not faults. */
export function logServerFault(
  deps: AppDeps,
  { error, path, type, ctx }: { error: TRPCError; path: string | undefined; type: string; ctx: Context | undefined },
): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return
  deps.log.error('procedure failed', { reqId: ctx?.requestId, path, type, error: error.cause?.stack ?? error.stack })
}

function sendJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(body)
}

function sendError(
  deps: AppDeps,
  res: ServerResponse,
  cause: unknown,
  type: ProcedureType | 'unknown',
  path: string,
  input: unknown,
  ctx: Context | undefined,
): void {
  const error = getTRPCErrorFromUnknown(cause)
  logServerFault(deps, { error, path, type, ctx })
  const shape = getErrorShape({ config: appRouter._def._config, error, type, path, input, ctx })
  sendJson(res, getHTTPStatusCodeFromError(error), JSON.stringify({ error: shape }))
}

type ProcedureType = 'query' | 'mutation' | 'subscription'
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>

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

function parseInput(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new TRPCError({ code: 'PARSE_ERROR', cause: cause instanceof Error ? cause : undefined })
  }
}

export type MakeContext = (req: IncomingMessage, res: ServerResponse, connectionToken?: unknown) => Context

/**
 * Single calls (a query by GET, a mutation by POST, a subscription by GET; unknown paths and wrong
 * methods too) answered straight from the router's caller, with the wire format of tRPC's own HTTP
 * adapter (CONTRACT.md, "Wire format"), on the bare Node request. The adapter rebuilds every request
 * as a Fetch Request and back, and Express walks its middleware; both cost more than a check-in's
 * own work. Answers false for batches, which the adapter still serves.
 */
export function trpcHandler(deps: AppDeps, makeContext: MakeContext, maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (url.searchParams.has('batch')) return false
    const path = decodeURIComponent(url.pathname.slice('/trpc/'.length))
    const type = procedures[path]?._def.type
    if (type === 'subscription' && req.method === 'GET') {
      void stream(deps, makeContext, path, url, req, res)
      return true
    }
    void (async () => {
      let ctx: Context | undefined
      let input: unknown
      try {
        ctx = makeContext(req, res)
        if (!type) throw new TRPCError({ code: 'NOT_FOUND' })
        const method = type === 'mutation' ? 'POST' : 'GET'
        if (req.method !== method) throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED' })
        input = parseInput(
          method === 'GET' ? (url.searchParams.get('input') ?? undefined) : await readBody(req, maxBodyBytes),
        )
        const data = await procedureOf(createCaller(ctx), path)(input)
        sendJson(res, 200, JSON.stringify({ result: { data } }))
      } catch (cause) {
        sendError(deps, res, cause, type ?? 'unknown', path, input, ctx)
      }
    })()
    return true
  }
}
