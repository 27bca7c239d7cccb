import { defineStore } from 'pinia'
import { ref } from 'vue'
import { trpc } from '../trpc'

/**
 * How many special prices and changes of deals wait for the director: the badge on the menu. Read
 * when the project changes, when a notice arrives (a new request) and after a decision.
 */
export const useApprovalsStore = defineStore('approvals', () => {
  const pending = ref(0)
  /** Each read is numbered: an answer to an older read never overwrites a newer one. */
  let reads = 0

  async function refresh(projectId: string): Promise<void> {
    const read = ++reads
    const [special, changes] = await Promise.all([
      trpc.prices.listSpecial.query({ projectId, status: 'pending' }),
      trpc.deals.pendingChanges.query({ projectId }),
    ])
    if (read === reads) pending.value = special.length + changes.length
  }

  return { pending, refresh }
})
