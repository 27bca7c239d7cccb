import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client'
import type { AppRouter } from '@anchang/api'

export interface ApiCredentials {
  /** The device token, read at each call so a new pairing takes effect at once. */
  token: () => string | null
  locale: () => string
}

/**
 * The device's typed client. Subscriptions go over server-sent events, which cannot carry
 * headers, so the token travels in the connection parameters there; every other call is a plain
 * HTTP request (no batching: one failing call must not take the others down with it).
 */
export function createApiClient(credentials: ApiCredentials) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: '/trpc',
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
