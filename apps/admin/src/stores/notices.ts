import { defineStore } from 'pinia'
import { ref } from 'vue'
import { parseNotice, type RotationNotice } from '../components/rotation/rotation-notice'
import { trpc } from '../trpc'

/**
 * A person's live alerts (`rotation.onNotice`): a reception assigned to them, one received on
 * their behalf, an appeal answered, a special price or a change of a deal asked for or decided. The
 * layout starts it for all the office's staff so each reaches them on whatever page they are. `revision` moves on every notice and after every reconnect (a
 * notice may have been missed while the stream was down), and pages watch it to reload.
 */
export const useNoticeStore = defineStore('notices', () => {
  const revision = ref(0)
  const connected = ref(false)
  const listeners = new Set<(notice: RotationNotice) => void>()
  let subscription: { unsubscribe: () => void } | null = null
  let projectId: string | null = null

  function deliver(notice: RotationNotice): void {
    revision.value += 1
    for (const listener of listeners) listener(notice)
  }

  function start(id: string): void {
    if (subscription && projectId === id) return
    stop()
    projectId = id
    let dropped = false
    subscription = trpc.rotation.onNotice.subscribe(
      { projectId: id },
      {
        onData: (raw) => {
          const notice = parseNotice(raw)
          if (notice) deliver(notice)
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting') {
            if (connected.value) dropped = true
            connected.value = false
          } else if (state.state === 'pending') {
            connected.value = true
            if (dropped) {
              dropped = false
              revision.value += 1
            }
          }
        },
        onError: () => {
          connected.value = false
        },
      },
    )
  }

  function stop(): void {
    subscription?.unsubscribe()
    subscription = null
    projectId = null
    connected.value = false
  }

  /** Called for each live notice; returns the function that stops listening. */
  function listen(listener: (notice: RotationNotice) => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  return { revision, connected, start, stop, listen }
})
