import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * What to tell people while the server is out of reach: the plain "network is down, retrying",
 * or, when the server did answer but could not serve, its own sentence followed by "retrying".
 */
export function useOfflineSentence(serverProblem: MaybeRefOrGetter<string | null | undefined>) {
  const { t } = useI18n()
  return computed(() => {
    const problem = toValue(serverProblem)
    return problem ? t('connection.serverTrouble', { message: problem }) : t('connection.offline')
  })
}
