import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { parse as parseCookie } from 'cookie'
import { SESSION_COOKIE, requestError, type Logger } from '@anchang/api'
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

/** The facts `prepareRequest` gathered for `req`. */
export function factsOf(req: IncomingMessage): RequestFacts {
  const known = facts.get(req)
  if (!known) throw new Error('factsOf before prepareRequest')
  return known
}

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

/** The session cookie and device token a request carries. A cookie that cannot be decoded is no cookie. */
export function credentialsOf(req: IncomingMessage): {
  sessionToken: string | null
  bearerToken: string | null
} {
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {}
  const match = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)
  return { sessionToken: cookies[SESSION_COOKIE] ?? null, bearerToken: match ? match[1]! : null }
}

/**
 * Another site may make a browser send this server's cookie with a form post or a link; it can
 * never make it send a device token. So a call that rests on the cookie is refused when the browser
 * says it comes from elsewhere (`Sec-Fetch-Site`, or an `Origin` naming another host). Calls that
 * say nothing of their origin (curl, integrations, older kiosks) are answered as before.
 */
export function refuseCrossSite(req: IncomingMessage, trustProxy: boolean): void {
  if (req.headers.authorization) return
  const site = req.headers['sec-fetch-site']
  const origin = req.headers.origin
  const host = (trustProxy && firstOf(req.headers['x-forwarded-host'])) || req.headers.host
  if (site === 'cross-site' || site === 'same-site' || (origin !== undefined && !sameHost(origin, host))) {
    throw requestError('FORBIDDEN', 'request.crossSite')
  }
}

function firstOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  return value?.split(',')[0]?.trim() || undefined
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    // `Origin: null` (a sandboxed frame, a file) or garbage: not this site.
    return false
  }
}
