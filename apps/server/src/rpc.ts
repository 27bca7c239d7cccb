import type { Request, RequestHandler, Response } from 'express'
import { getErrorShape, getHTTPStatusCodeFromError, getTRPCErrorFromUnknown } from '@trpc/server/unstable-core-do-not-import'
import { TRPCError } from '@trpc/server'
import { appRouter, createCallerFactory, type AppDeps, type Context } from '@anchang/api'

const createCaller = createCallerFactory(appRouter)
type ProcedureType = 'query' | 'mutation' | 'subscription'
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>

function readBody(req: Request, limit: number): Promise<string> {
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

/**
 * Single calls (a query by GET, a mutation by POST; unknown paths and wrong methods too) answered
 * straight from the router's caller, with the wire format of tRPC's own HTTP adapter (CONTRACT.md,
 * "Wire format"). The adapter rebuilds every Node request as a Fetch Request and back, which costs
 * more than a check-in's own work; batches and subscriptions still go to it.
 */
export function singleCallHandler(deps: AppDeps, makeContext: (req: Request, res: Response) => Context, maxBodyBytes: number): RequestHandler {
  return async (req, res, next) => {
    const path = req.path.slice(1)
    const type = procedures[path]?._def.type
    if (type === 'subscription' || 'batch' in req.query) return next()
    let ctx: Context | undefined
    let input: unknown
    try {
      ctx = makeContext(req, res)
      if (!type) throw new TRPCError({ code: 'NOT_FOUND' })
      if ((type === 'query' && req.method !== 'GET') || (type === 'mutation' && req.method !== 'POST')) {
        throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED' })
      }
      input = parseInput(type === 'query' ? (typeof req.query.input === 'string' ? req.query.input : undefined) : await readBody(req, maxBodyBytes))
      const call = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx)) as (input: unknown) => Promise<unknown>
      const data = await call(input)
      res.status(200).type('application/json').send(JSON.stringify({ result: { data } }))
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause)
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.log.error('procedure failed', { reqId: ctx?.requestId, path, type, error: error.cause?.stack ?? error.stack })
      }
      const shape = getErrorShape({ config: appRouter._def._config, error, type: type ?? 'unknown', path, input, ctx })
      res.status(getHTTPStatusCodeFromError(error)).type('application/json').send(JSON.stringify({ error: shape }))
    }
  }
}
