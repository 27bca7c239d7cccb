import { ref } from 'vue'
import { trpc, type RouterOutputs } from '../trpc'
import { useApiError } from './useApiError'

type StaffRow = RouterOutputs['staff']['list'][number]

/**
 * The project's consultants, inactive ones included (a leaving consultant is often already
 * deactivated), for the dialogs that hand customers over; read once, when a dialog first opens.
 * Managers and directors only: consultants may not list staff.
 */
export function useConsultants(projectId: () => string) {
  const showError = useApiError()
  const consultants = ref<StaffRow[]>([])
  let loaded = false

  async function load(): Promise<void> {
    if (loaded) return
    try {
      const staff = await trpc.staff.list.query({ projectId: projectId() })
      consultants.value = staff.filter((s) => s.role === 'consultant')
      loaded = true
    } catch (error) {
      showError(error)
    }
  }

  return { consultants, load }
}
