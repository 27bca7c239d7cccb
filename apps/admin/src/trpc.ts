import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
  type TRPCLink,
} from '@trpc/client'
import { observable } from '@trpc/server/observable'
import type { AppRouter } from '@anchang/api'
import { currentLocale } from './locales'

export type { RouterInputs, RouterOutputs } from '@anchang/api'

type UnauthorizedHandler = (message: string) => void
let onUnauthorized: UnauthorizedHandler = () => {}

/** The router registers where a refused session leads (the sign-in page); kept here so any call can trigger it. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler
}

/**
 * A refused sign-in is a wrong password, not a session that ended. (`auth.me` refused at start-up is
 * harmless: the handler acts only when someone was signed in.)
 */
const SIGN_IN_PATHS = new Set(['auth.login'])

const unauthorizedLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (error.data?.code === 'UNAUTHORIZED' && !SIGN_IN_PATHS.has(op.path))
            onUnauthorized(error.message)
          observer.error(error)
        },
        complete: () => observer.complete(),
      }),
    )

/** Server errors come back worded in the language the person reads. */
const headers = () => ({ 'Accept-Language': currentLocale() })

export const trpc = createTRPCClient<AppRouter>({
  links: [
    unauthorizedLink,
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', headers }),
    }),
  ],
})

export function isTrpcError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError
}

/** The tRPC code of a server answer, or null for a network failure or a bug in the page. */
export function errorCode(error: unknown): string | null {
  return isTrpcError(error) ? (error.data?.code ?? null) : null
}
