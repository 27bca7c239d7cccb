/**
 * The tRPC boundary's half of errors: services throw `DomainError`s, this maps them to tRPC codes
 * and words every error as the sentence a client reads.
 */
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc'
import { ZodError } from 'zod'
import { DomainError, describeZodError, sentence, type Locale, type MessageKey } from '@anchang/shared'

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: error.code, message: error.key, cause: error })
}

/** A refusal the boundary itself makes (not a domain rule): a malformed request, a cross-site post. */
export function requestError(
  code: TRPCError['code'],
  key: MessageKey,
  params?: DomainError['params'],
): TRPCError {
  return new TRPCError({ code, message: key, cause: new RequestRefusal(key, params) })
}

/** Carries the sentence of a boundary refusal whose code is not one a domain rule may use. */
class RequestRefusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: DomainError['params'] = {},
  ) {
    super(key)
    this.name = 'RequestRefusal'
  }
}

const say = (key: MessageKey, locale: Locale, params: DomainError['params'] = {}): string =>
  sentence(key, locale, params)

/**
 * The one place an error becomes the sentence a client reads. Nothing raw gets through: zod issue
 * lists become sentences, tRPC's own English messages are replaced, and anything unexpected is
 * the generic "something went wrong" (the real error is logged, never sent).
 */
export function errorMessage(error: TRPCError, locale: Locale, path: string | undefined): string {
  const cause = error.cause
  if (cause instanceof DomainError || cause instanceof RequestRefusal)
    return say(cause.key, locale, cause.params)
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

/** tRPC reports a body that is not JSON as BAD_REQUEST caused by a SyntaxError; the contract says PARSE_ERROR. */
function normalized(error: TRPCError): TRPCError {
  return error.code !== 'PARSE_ERROR' && error.cause instanceof SyntaxError
    ? new TRPCError({ code: 'PARSE_ERROR' })
    : error
}

export interface ErrorShape {
  message: string
  code: number
  data: { code: TRPCError['code']; httpStatus: number; path?: string }
}

/** The error as the wire carries it (CONTRACT.md, "Wire format"), from the router and the transport alike. */
export function errorShape(error: TRPCError, locale: Locale, path: string | undefined): ErrorShape {
  const shown = normalized(error)
  const httpStatus = getHTTPStatusCodeFromError(shown)
  return {
    message: errorMessage(shown, locale, path),
    code: TRPC_ERROR_CODES_BY_KEY[shown.code],
    data: { code: shown.code, httpStatus, ...(path ? { path } : {}) },
  }
}
