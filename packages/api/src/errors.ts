import { TRPCError } from '@trpc/server'
import { ZodError } from 'zod'
import {
  DomainError,
  MESSAGES,
  describeZodError,
  fill,
  type Locale,
  type MessageKey,
} from '@anchang/shared'

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: error.code, message: error.key, cause: error })
}

/** Throws a domain error as the tRPC error it maps to. */
export function fail(code: DomainError['code'], key: MessageKey, params?: DomainError['params']): never {
  throw toTRPCError(new DomainError(code, key, params))
}

function say(key: MessageKey, locale: Locale, params: DomainError['params'] = {}): string {
  const worded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[locale] : v]))
  return fill(MESSAGES[key][locale], worded)
}

/**
 * The one place an error becomes the sentence a client reads. Nothing raw gets through: zod issue
 * lists become sentences, tRPC's own English messages are replaced, and anything unexpected is
 * the generic "something went wrong" (the real error is logged, never sent).
 */
export function errorMessage(error: TRPCError, locale: Locale, path: string | undefined): string {
  const cause = error.cause
  if (cause instanceof DomainError) return say(cause.key, locale, cause.params)
  if (cause instanceof ZodError) return describeZodError(cause, locale)
  switch (error.code) {
    case 'PARSE_ERROR':
      return say('request.parse', locale)
    case 'PAYLOAD_TOO_LARGE':
      return say('request.tooLarge', locale)
    case 'METHOD_NOT_SUPPORTED':
      return say('request.method', locale, { path: path ?? '' })
    case 'NOT_FOUND':
      return say('request.notFound', locale, { path: path ?? '' })
    case 'BAD_REQUEST':
      return say('request.invalid', locale)
    default:
      return say('server.internal', locale)
  }
}
