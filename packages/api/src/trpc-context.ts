/**
 * The tRPC context: a `ServiceContext` plus what only the HTTP boundary knows (the credentials as
 * presented, the session cookie to set, the request method).
 */
import { serialize } from 'cookie'
import type { Locale } from '@anchang/shared'
import { resolveActor, type Credentials } from './services/auth/credentials'
import type { AppDeps, ServiceContext } from './services/context'

export const SESSION_COOKIE = 'anchang_session'
/** The browser keeps the cookie a day at most; the server's idle expiry is what really ends a session. */
const COOKIE_MAX_AGE_SECONDS = 24 * 3600

/** What one request brings, whatever carried it (HTTP, SSE, or a test). */
export interface RequestCredentials extends Credentials {
  ip: string
  userAgent?: string | null
  locale: Locale
  requestId: string
  /** Mark the cookie Secure: the request came over HTTPS. */
  secure?: boolean
  /** Where Set-Cookie headers go; absent outside HTTP. */
  setCookie?: (header: string) => void
  /** The HTTP method the call came with; absent for in-process callers (tests, scripts). */
  method?: 'GET' | 'POST'
}

export interface Context extends ServiceContext {
  /** A credential was presented and refused: word the error as "session ended", not "sign in". */
  credentialRefused: boolean
  /** As presented, so an open stream can ask whether they still hold. */
  credentials: Credentials
  /** A query must come by GET and a mutation by POST; null when no HTTP request carried the call. */
  method: 'GET' | 'POST' | null
  session: {
    /** Sends the session cookie holding `token`. */
    issue(token: string): void
    clear(): void
  }
}

export function createContext(deps: AppDeps, creds: RequestCredentials): Context {
  const now = deps.clock()
  const credentials = { sessionToken: creds.sessionToken ?? null, bearerToken: creds.bearerToken ?? null }
  const { actor, refused } = resolveActor(deps, credentials, now)
  const cookie = (value: string, maxAge: number) =>
    serialize(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge,
      secure: creds.secure ?? false,
    })
  return {
    deps,
    db: deps.db,
    now,
    locale: creds.locale,
    requestId: creds.requestId,
    ip: creds.ip,
    userAgent: creds.userAgent ?? null,
    actor,
    credentialRefused: refused,
    credentials,
    method: creds.method ?? null,
    session: {
      issue: (token) => creds.setCookie?.(cookie(token, COOKIE_MAX_AGE_SECONDS)),
      clear: () => creds.setCookie?.(cookie('', 0)),
    },
  }
}
