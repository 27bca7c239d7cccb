import { AsyncLocalStorage } from 'node:async_hooks'
import type { Locale } from '@anchang/shared'

/**
 * What is known about the HTTP request before tRPC builds a context: errors raised before there
 * is one (oversized or malformed bodies, unknown paths) are still worded in the client's language.
 */
export interface RequestInfo {
  requestId: string
  locale: Locale
}

export const requestStore = new AsyncLocalStorage<RequestInfo>()
