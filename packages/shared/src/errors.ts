import type { LocalText } from './i18n/locale'
import type { MessageKey } from './i18n/messages'

/** The tRPC codes a domain rule may answer with (CONTRACT.md, "Wire format"). */
export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'

/**
 * A rule said no. It carries a message key, not a sentence, so the server can word it in the
 * language the client asked for; `field` names the input at fault where there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly key: MessageKey,
    /** Values for the sentence's placeholders; a LocalText is worded in the client's language. */
    readonly params: Record<string, string | number | LocalText> = {},
  ) {
    super(key)
    this.name = 'DomainError'
  }
}

/** Refuses with a domain error: the verb's way of saying no (mapped to a tRPC code at the boundary). */
export function fail(code: DomainErrorCode, key: MessageKey, params?: DomainError['params']): never {
  throw new DomainError(code, key, params)
}
