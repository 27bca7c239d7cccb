import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { errorCode, trpc, type RouterOutputs } from '../trpc'

export type SessionUser = RouterOutputs['auth']['me']['user']

/** Who is signed in, as the server last said. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null)
  /** Whether the server has been asked once; until then the router waits. */
  const checked = ref(false)
  let pending: Promise<void> | null = null

  const role = computed(() => user.value?.role ?? null)

  async function fetchMe(): Promise<void> {
    try {
      user.value = (await trpc.auth.me.query()).user
    } catch (error) {
      if (errorCode(error) !== 'UNAUTHORIZED') throw error
      user.value = null
    } finally {
      checked.value = true
    }
  }

  /** Loads the session once; later calls share the first answer. */
  function ensureLoaded(): Promise<void> {
    if (checked.value) return Promise.resolve()
    pending ??= fetchMe().finally(() => {
      pending = null
    })
    return pending
  }

  async function login(username: string, password: string): Promise<void> {
    user.value = (await trpc.auth.login.mutate({ username, password })).user
    checked.value = true
  }

  async function logout(): Promise<void> {
    try {
      await trpc.auth.logout.mutate()
    } finally {
      forget()
    }
  }

  /** The server no longer knows this session (or it was ended here). */
  function forget(): void {
    user.value = null
    checked.value = true
  }

  return { user, role, checked, ensureLoaded, refresh: fetchMe, login, logout, forget }
})
