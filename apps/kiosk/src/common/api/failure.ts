import { TRPCClientError } from '@trpc/client'

/**
 * What a failed call means for the screen: either the server was not reached (no answer, or an
 * answer that is not the API's, such as a proxy's error page), or it answered with a refusal whose
 * message is a sentence meant for the person at the screen.
 */
export type ApiFailure = { reached: false } | { reached: true; code: string; message: string }

export function describeFailure(error: unknown): ApiFailure {
  // Anything else is a bug in this app, not a network condition: let it surface.
  if (!(error instanceof TRPCClientError)) throw error
  const data: unknown = error.data
  const code = data && typeof data === 'object' && 'code' in data ? data.code : undefined
  return typeof code === 'string' ? { reached: true, code, message: error.message } : { reached: false }
}
