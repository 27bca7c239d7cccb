import { ref } from 'vue'
import { trpc } from '../trpc'

/**
 * Names of the customers a list mentions only by id (the new buyer of a 更名), read once each; a
 * customer this person may not read stays unnamed, and the list says "another customer".
 */
export function useCustomerNames() {
  const names = ref(new Map<string, string>())

  async function load(ids: Iterable<string | undefined>): Promise<void> {
    for (const id of new Set(ids)) {
      if (!id || names.value.has(id)) continue
      try {
        const customer = await trpc.customers.get.query({ customerId: id })
        names.value = new Map(names.value).set(id, customer.name || customer.phone)
      } catch {
        // Unnamed is what the list shows for it.
      }
    }
  }

  const nameOf = (id: string): string | null => names.value.get(id) ?? null

  return { nameOf, load }
}
