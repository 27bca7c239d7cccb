import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { createApiClient } from '../../common/api/client'
import { currentLocale } from '../../common/locales'
import { useDeviceStore } from '../../common/stores/device'
import type { BoardPayload } from '../domain/board-view'
import { liveStream } from './live-stream'

/**
 * The wall board's live picture of the rotation. `rotation.onChange` sends the whole board after
 * every change; `rotation.board` fills the screen first if the stream is slow to open. How the
 * stream is kept open and judged stale is `liveStream`'s.
 */
export const useLiveBoardStore = defineStore('liveBoard', () => {
  const device = useDeviceStore()
  const board = shallowRef<BoardPayload | null>(null)
  let projectId: string | null = null
  /** Bumped by every board the stream delivers, so a slower `rotation.board` answer cannot overwrite it. */
  let version = 0

  const stream = liveStream<BoardPayload>({
    deliver(next) {
      version += 1
      board.value = next
    },
    onUnauthorized: () => device.checkNow(),
  })
  // Its own client rather than the device's: only this one reports stream activity.
  const api = createApiClient({
    token: () => device.token,
    locale: currentLocale,
    onStreamActivity: stream.heard,
  })

  /** The board as it is now, unless the stream has delivered one since the question was asked. */
  async function load(): Promise<void> {
    const id = projectId
    if (!id) return
    const asked = version
    try {
      const answer = await api.rotation.board.query({ projectId: id })
      if (projectId !== id || version !== asked) return
      stream.heard()
      board.value = answer
    } catch {
      // The stream brings the board as soon as it opens; this was only a head start.
    }
  }

  /** Starts listening for the project's board; a no-op if already listening to it. */
  function start(id: string): void {
    if (projectId === id) return
    stop()
    projectId = id
    stream.start((observer) => api.rotation.onChange.subscribe({ projectId: id }, observer))
    void load()
  }

  function stop(): void {
    stream.stop()
    projectId = null
    board.value = null
  }

  /**
   * At midnight nothing changes on the server, so nothing is sent: the board asks for the new
   * day's (empty) board itself when the project's date has moved past the one it shows.
   */
  function checkDate(today: string): void {
    if (board.value && board.value.date < today) void load()
  }

  const { state, lastHeardAt, startedAt } = stream
  return { board, state, lastHeardAt, startedAt, start, stop, checkDate }
})
