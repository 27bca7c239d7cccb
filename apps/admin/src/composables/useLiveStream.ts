import { onBeforeUnmount, onMounted, ref } from 'vue'

/** How often a stream's data is read while the stream is down. */
const FALLBACK_POLL_MS = 10_000

export interface StreamHandlers<M> {
  onData: (message: M) => void
  onConnectionStateChange: (state: { state: string }) => void
  onError: (error: unknown) => void
}

/**
 * A tRPC subscription with a timer behind it: while the stream is down (proxy, network, server
 * restart, or the server refused it) `refresh` reads every few seconds instead, and `live` says
 * which it is. `unlessStreamed` keeps a read that was answered after a newer streamed message from
 * replacing it.
 */
export function useLiveStream<M>(
  open: (handlers: StreamHandlers<M>) => { unsubscribe: () => void },
  onMessage: (message: M) => void,
  refresh: () => Promise<void>,
  onError: (error: unknown) => void,
) {
  const live = ref(false)
  let subscription: { unsubscribe: () => void } | null = null
  let poll: number | undefined
  let stopped = false
  /** Counts messages from the stream. */
  let streamed = 0

  function setLive(value: boolean) {
    live.value = value
    if (value && poll !== undefined) {
      window.clearInterval(poll)
      poll = undefined
    } else if (!value && poll === undefined && !stopped) {
      poll = window.setInterval(() => void refresh(), FALLBACK_POLL_MS)
    }
  }

  async function unlessStreamed<T>(read: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const before = streamed
    const value = await read()
    if (streamed === before) apply(value)
  }

  onMounted(() => {
    subscription = open({
      onData: (message) => {
        streamed += 1
        onMessage(message)
        setLive(true)
      },
      onConnectionStateChange: (state) => {
        if (state.state === 'connecting') setLive(false)
      },
      onError: (error) => {
        setLive(false)
        onError(error)
      },
    })
  })

  onBeforeUnmount(() => {
    stopped = true
    subscription?.unsubscribe()
    if (poll !== undefined) window.clearInterval(poll)
  })

  return { live, unlessStreamed }
}
