import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from './useApiError'

/**
 * A dialog or form that sends one thing: its refusal is shown inside it, in the server's words,
 * rather than as a toast, so the person can correct the input and send again.
 */
export function useSubmit() {
  const { t } = useI18n()
  const error = ref('')
  const working = ref(false)

  async function submit(send: () => Promise<void>): Promise<void> {
    error.value = ''
    working.value = true
    try {
      await send()
    } catch (e) {
      error.value = describeError(e, t)
    } finally {
      working.value = false
    }
  }

  return { error, working, submit }
}
