import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { Logger } from '@anchang/api'
import { pickLocale, type Locale } from '@anchang/shared'
import { setSecurityHeaders } from './security'

export interface RequestFacts {
  requestId: string
  locale: Locale
  /** The client's address: the socket's, or behind a trusted proxy the first X-Forwarded-For. */
  ip: string
  /** Came over HTTPS (directly, or as a trusted proxy says). */
  secure: boolean
}

const facts = new WeakMap<IncomingMessage, RequestFacts>()

/**
 * What every request gets before anything answers it: security headers, a request id (the
 * client's, if it sent a sane one), the client's language, and one JSON log line when it ends.
 */
export function prepareRequest(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  trustProxy: boolean,
): RequestFacts {
  const known = facts.get(req)
  if (known) return known
  setSecurityHeaders(res)
  const given = req.headers['x-request-id']
  const requestId = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID()
  res.setHeader('X-Request-Id', requestId)
  const forwardedFor = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]!
        .trim()
    : ''
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted)
  const prepared: RequestFacts = {
    requestId,
    locale: pickLocale(req.headers['accept-language']),
    ip: forwardedFor || req.socket.remoteAddress || '',
    secure: trustProxy ? req.headers['x-forwarded-proto'] === 'https' || encrypted : encrypted,
  }
  facts.set(req, prepared)
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const path = (req.url ?? '').split('?')[0]
    log.info('request', {
      reqId: requestId,
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
    })
  })
  return prepared
}
