import { ref } from 'vue'
import { describeFailure } from '../../common/api/failure'
import { retryDelay } from '../../common/api/retry-delay'
import type { StreamState } from '../domain/board-view'

/** The callbacks of a tRPC subscription that a board stream listens to. */
export interface StreamObserver<T> {
  onStarted(): void
  onData(value: T): void
  onConnectionStateChange(change: { state: string; error?: unknown }): void
  onError(error: unknown): void
  onComplete(): void
}

/** Opens the subscription, for the project the store is showing, with these callbacks. */
export type OpenStream<T> = (observer: StreamObserver<T>) => { unsubscribe(): void }

export interface LiveStreamOptions<T> {
  deliver: (value: T) => void
  /** The server refused the device's token. */
  onUnauthorized: () => void
}

/**
 * One live subscription of a wall screen, and how healthy it is. The stream reconnects by itself
 * (the link, on errors and after 12 s of silence); when it ends outright it is opened again here with
 * growing pauses. Every event, pings included, counts as "heard" (the store's API client reports them
 * through `heard`), so a silent stream shows as stale within seconds rather than looking current.
 */
export function liveStream<T>(options: LiveStreamOptions<T>) {
  const state = ref<StreamState>('connecting')
  const lastHeardAt = ref<number | null>(null)
  const startedAt = ref<number | null>(null)
  let subscription: { unsubscribe(): void } | null = null
  let resubscribeTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let open: OpenStream<T> | null = null

  function heard(): void {
    lastHeardAt.value = Date.now()
  }

  function subscribe(): void {
    if (!open) return
    const mine = open({
      onStarted() {
        state.value = 'open'
        failures = 0
      },
      onData(value) {
        state.value = 'open'
        failures = 0
        heard()
        options.deliver(value)
      },
      onConnectionStateChange(change) {
        if (change.state === 'pending') state.value = 'open'
        // The link lost the stream and is opening it again on its own.
        else if (change.state === 'connecting' && change.error) state.value = 'reconnecting'
      },
      onError(error) {
        if (subscription !== mine) return
        subscription = null
        state.value = 'reconnecting'
        const failure = describeFailure(error)
        // A refused token: the heartbeat hears the same answer and sends the board back to pairing.
        if (failure.reached && failure.code === 'UNAUTHORIZED') options.onUnauthorized()
        scheduleResubscribe()
      },
      onComplete() {
        // The server ended the stream (a restart): listen again once it is back.
        if (subscription !== mine) return
        subscription = null
        state.value = 'reconnecting'
        scheduleResubscribe()
      },
    })
    subscription = mine
  }

  function scheduleResubscribe(): void {
    clearTimeout(resubscribeTimer)
    resubscribeTimer = setTimeout(subscribe, retryDelay(failures))
    failures += 1
  }

  function start(opener: OpenStream<T>): void {
    stop()
    open = opener
    startedAt.value = Date.now()
    subscribe()
  }

  function stop(): void {
    open = null
    clearTimeout(resubscribeTimer)
    const current = subscription
    subscription = null
    current?.unsubscribe()
    lastHeardAt.value = null
    startedAt.value = null
    state.value = 'connecting'
    failures = 0
  }

  return { state, lastHeardAt, startedAt, heard, start, stop }
}
