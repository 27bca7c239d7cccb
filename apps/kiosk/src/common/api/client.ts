import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client'
import type { AppRouter } from '@anchang/api'

export interface ApiCredentials {
  /** The device token, read at each call so a new pairing takes effect at once. */
  token: () => string | null
  locale: () => string
  /**
   * Called on every event a subscription stream delivers, the server's pings included. The link
   * consumes pings itself, so this is the only way to tell a quiet stream from a dead one.
   */
  onStreamActivity?: () => void
}

/** Events the server sends on a subscription stream: the handshake, keep-alive pings and data. */
const STREAM_EVENTS = ['connected', 'ping', 'message'] as const

/** The browser's EventSource, reporting each event of the stream before tRPC reads it. */
function watchedEventSource(onActivity: () => void): typeof EventSource | undefined {
  if (typeof EventSource === 'undefined') return undefined
  return class WatchedEventSource extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init)
      for (const type of STREAM_EVENTS) this.addEventListener(type, onActivity)
    }
  }
}

/**
 * The device's typed client. Subscriptions go over server-sent events, which cannot carry
 * headers, so the token travels in the connection parameters there; every other call is a plain
 * HTTP request (no batching: one failing call must not take the others down with it).
 */
export function createApiClient(credentials: ApiCredentials) {
  const EventSourceImpl = credentials.onStreamActivity
    ? watchedEventSource(credentials.onStreamActivity)
    : undefined
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: '/trpc',
          ...(EventSourceImpl ? { EventSource: EventSourceImpl } : {}),
          connectionParams: () => {
            const token = credentials.token()
            return token ? { token } : {}
          },
        }),
        false: httpLink({
          url: '/trpc',
          headers: () => {
            const token = credentials.token()
            return {
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              'Accept-Language': credentials.locale(),
            }
          },
        }),
      }),
    ],
  })
}

export type ApiClient = ReturnType<typeof createApiClient>
