import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { retryDelay } from '../api/retry-delay'
import { useDeviceStore, type PairingNotice } from './device'

export const PAIRING_CODE_LENGTH = 6

export type PairingStatus = 'idle' | 'submitting' | 'waitingToRetry'

/**
 * The code being typed on the pairing keypad and what became of it. It lives in a store, not in
 * the screen, so nothing typed is lost when the screen re-renders or the network drops: an
 * unreachable server is retried with growing pauses until it answers or the code is edited.
 */
export const usePairingStore = defineStore('pairing', () => {
  const device = useDeviceStore()
  const code = ref('')
  const status = ref<PairingStatus>('idle')
  /** Why the last attempt was refused, worded by the server or by this app. */
  const refusal = ref<PairingNotice | null>(null)
  const complete = computed(() => code.value.length === PAIRING_CODE_LENGTH)

  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  /**
   * Editing the code means the person is starting over: stop retrying the old one and drop the
   * old complaint. The keypad is locked while a request is out, so this never races one.
   */
  function edit(next: string): void {
    if (status.value === 'submitting') return
    if (status.value === 'waitingToRetry') {
      clearTimeout(retryTimer)
      status.value = 'idle'
      attempt = 0
    }
    code.value = next
    refusal.value = null
  }

  async function submit(): Promise<void> {
    if (!complete.value || status.value === 'submitting') return
    clearTimeout(retryTimer)
    status.value = 'submitting'
    const outcome = await device.claim(code.value)
    if (outcome.ok) {
      status.value = 'idle'
      attempt = 0
      code.value = ''
      return
    }
    if (outcome.reason === 'unreachable') {
      status.value = 'waitingToRetry'
      retryTimer = setTimeout(() => void submit(), retryDelay(attempt))
      attempt += 1
      return
    }
    status.value = 'idle'
    attempt = 0
    if (outcome.reason === 'wrongKind') {
      // That code is spent; leaving it on screen would only invite pressing "pair" again.
      code.value = ''
      refusal.value = { type: 'wrongKind', claimedKind: outcome.claimedKind }
    } else {
      refusal.value = { type: 'server', message: outcome.message }
    }
  }

  return { code, status, refusal, complete, edit, submit }
})
