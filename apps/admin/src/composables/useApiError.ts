import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { errorCode, isTrpcError } from '../trpc'

type Translate = (key: string) => string

/**
 * The sentence to show for a failed call. The server already words its errors for people, in the
 * language we asked for; only a failure that never reached it needs our own words.
 */
export function describeError(error: unknown, t: Translate): string {
  if (isTrpcError(error) && error.data?.code && error.message) return error.message
  if (isTrpcError(error) || error instanceof TypeError) return t('errors.network')
  return t('errors.unknown')
}

/** Shows a failed call's sentence as a toast; a refused session is left to the sign-in redirect. */
export function useApiError() {
  const message = useMessage()
  const { t } = useI18n()
  return function showError(error: unknown): void {
    if (errorCode(error) === 'UNAUTHORIZED') return
    message.error(describeError(error, t), { duration: 6000, closable: true })
  }
}
