import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { createApiClient } from '../../common/api/client'
import { describeFailure } from '../../common/api/failure'
import { retryDelay } from '../../common/api/retry-delay'
import { currentLocale } from '../../common/locales'
import { useDeviceStore } from '../../common/stores/device'
import type { BoardPayload, StreamState } from '../domain/board-view'

/**
 * The wall board's live picture of the rotation. `rotation.onChange` sends the whole board after
 * every change; `rotation.board` fills the screen first if the stream is slow to open. The stream
 * reconnects by itself (the link, on errors and after 12 s of silence); when it ends outright it is
 * opened again here with growing pauses. Every event, pings included, counts as "heard", so a
 * silent stream shows as stale within seconds rather than looking current.
 */
export const useLiveBoardStore = defineStore('liveBoard', () => {
  const device = useDeviceStore()
  const board = shallowRef<BoardPayload | null>(null)
  const state = ref<StreamState>('connecting')
  const lastHeardAt = ref<number | null>(null)
  const startedAt = ref<number | null>(null)
  // Its own client rather than the device's: only this one reports stream activity.
  const api = createApiClient({ token: () => device.token, locale: currentLocale, onStreamActivity: heard })
  let projectId: string | null = null
  let subscription: { unsubscribe(): void } | null = null
  let resubscribeTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  /** Bumped by every board the stream delivers, so a slower `rotation.board` answer cannot overwrite it. */
  let version = 0

  function heard(): void {
    lastHeardAt.value = Date.now()
  }

  function show(next: BoardPayload): void {
    board.value = next
  }

  function subscribe(): void {
    const id = projectId
    if (!id) return
    const mine = api.rotation.onChange.subscribe(
      { projectId: id },
      {
        onStarted() {
          state.value = 'open'
          failures = 0
        },
        onData(next) {
          version += 1
          state.value = 'open'
          failures = 0
          heard()
          show(next)
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
          if (failure.reached && failure.code === 'UNAUTHORIZED') device.checkNow()
          scheduleResubscribe()
        },
        onComplete() {
          // The server ended the stream (a restart): listen again once it is back.
          if (subscription !== mine) return
          subscription = null
          state.value = 'reconnecting'
          scheduleResubscribe()
        },
      },
    )
    subscription = mine
  }

  function scheduleResubscribe(): void {
    clearTimeout(resubscribeTimer)
    resubscribeTimer = setTimeout(subscribe, retryDelay(failures))
    failures += 1
  }

  /** The board as it is now, unless the stream has delivered one since the question was asked. */
  async function load(): Promise<void> {
    const id = projectId
    if (!id) return
    const asked = version
    try {
      const answer = await api.rotation.board.query({ projectId: id })
      if (projectId !== id || version !== asked) return
      heard()
      show(answer)
    } catch {
      // The stream brings the board as soon as it opens; this was only a head start.
    }
  }

  /** Starts listening for the project's board; a no-op if already listening to it. */
  function start(id: string): void {
    if (projectId === id) return
    stop()
    projectId = id
    startedAt.value = Date.now()
    state.value = 'connecting'
    subscribe()
    void load()
  }

  function stop(): void {
    clearTimeout(resubscribeTimer)
    const current = subscription
    subscription = null
    current?.unsubscribe()
    projectId = null
    board.value = null
    lastHeardAt.value = null
    startedAt.value = null
    state.value = 'connecting'
    failures = 0
  }

  /**
   * At midnight nothing changes on the server, so nothing is sent: the board asks for the new
   * day's (empty) board itself when the project's date has moved past the one it shows.
   */
  function checkDate(today: string): void {
    if (board.value && board.value.date < today) void load()
  }

  return { board, state, lastHeardAt, startedAt, start, stop, checkDate }
})
