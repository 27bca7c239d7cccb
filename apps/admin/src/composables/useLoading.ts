import { ref } from 'vue'
import { useApiError } from './useApiError'

/** A page's spinner around a read; a failed read is a toast and leaves what was shown in place. */
export function useLoading() {
  const loading = ref(false)
  const showError = useApiError()

  async function whileLoading(read: () => Promise<void>): Promise<void> {
    loading.value = true
    try {
      await read()
    } catch (error) {
      showError(error)
    } finally {
      loading.value = false
    }
  }

  return { loading, whileLoading }
}
