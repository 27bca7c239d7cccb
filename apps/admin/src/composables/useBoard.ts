import { onBeforeUnmount, onMounted, ref } from 'vue'
import { trpc, type RouterOutputs } from '../trpc'

export type Board = RouterOutputs['rotation']['board']

/** How often the board is fetched while the live stream is down. */
const FALLBACK_POLL_MS = 10_000

/**
 * The project's rotation board, live: `rotation.onChange` sends the whole board after every change.
 * While that stream is down (proxy, network, server restart) the board is fetched every few seconds
 * instead, so the floor never shows a stale queue for long without saying so.
 */
export function useBoard(projectId: string, onError: (error: unknown) => void) {
  const board = ref<Board | null>(null)
  const live = ref(false)
  const loading = ref(false)
  let subscription: { unsubscribe: () => void } | null = null
  let poll: number | undefined
  let stopped = false
  /** Counts boards from the stream: a query answered after a newer streamed board must not replace it. */
  let streamed = 0

  async function refresh(): Promise<void> {
    loading.value = true
    const before = streamed
    try {
      const fetched = await trpc.rotation.board.query({ projectId })
      if (streamed === before) board.value = fetched
    } catch (error) {
      onError(error)
    } finally {
      loading.value = false
    }
  }

  function setLive(value: boolean) {
    live.value = value
    if (value && poll !== undefined) {
      window.clearInterval(poll)
      poll = undefined
    } else if (!value && poll === undefined && !stopped) {
      poll = window.setInterval(() => void refresh(), FALLBACK_POLL_MS)
    }
  }

  function subscribe() {
    subscription = trpc.rotation.onChange.subscribe(
      { projectId },
      {
        onData: (next) => {
          streamed += 1
          board.value = next
          setLive(true)
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting') setLive(false)
        },
        onError: (error) => {
          // The server refused the stream itself (e.g. a role change): fetch on a timer from now on.
          setLive(false)
          onError(error)
        },
      },
    )
  }

  onMounted(() => {
    // The query answers before the stream's first board on a slow link; whichever comes is shown.
    void refresh()
    subscribe()
  })

  onBeforeUnmount(() => {
    stopped = true
    subscription?.unsubscribe()
    if (poll !== undefined) window.clearInterval(poll)
  })

  return { board, live, loading, refresh }
}
