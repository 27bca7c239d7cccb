import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { effectScope, type EffectScope } from 'vue'
import { FakeEventSource } from '../../test/fake-event-source'
import { deviceMe, fakeServer, ok, pairedDevice, type FakeServer, type Reply } from '../../test/fake-server'
import { useBoardView } from '../composables/useBoardView'
import type { BoardPayload } from '../domain/board-view'
import { useLiveBoardStore } from './live-board'

const START = Date.parse('2026-11-27T06:00:00.000Z')

function boardWith(names: string[], extra: Partial<BoardPayload> = {}): BoardPayload {
  return {
    queue: names.map((name, i) => ({
      consultantId: `c${i + 1}`,
      name,
      position: i + 1,
      status: 'available' as const,
      breakReason: null,
      since: new Date(START).toISOString(),
    })),
    waiting: [],
    receiving: [],
    tally: [],
    project: { id: 'project-1', code: 'DEMO', name: '思源·示范项目', timeZone: 'Asia/Shanghai' },
    date: '2026-11-27',
    averageReceptionMinutes: 20,
    ...extra,
  }
}

let server: FakeServer
let scope: EffectScope

/** A paired board showing the live view, as BoardLivePage runs it. */
async function liveBoard() {
  pairedDevice('board')
  server.handle('devices.me', () => deviceMe('board'))
  scope = effectScope()
  const view = scope.run(() => useBoardView())!
  const live = useLiveBoardStore()
  live.start('project-1')
  await flushPromises()
  return { live, view }
}

describe('live board', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(START)
    localStorage.clear()
    FakeEventSource.instances = []
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetch)
    vi.stubGlobal('EventSource', FakeEventSource)
  })
  afterEach(() => {
    useLiveBoardStore().stop()
    scope.stop()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('shows rotation.board at once, then every board the stream sends, with the device token', async () => {
    server.handle('rotation.board', () => ok(boardWith(['张伟'])))
    const { live, view } = await liveBoard()
    expect(view.queue.value.map((row) => row.name)).toEqual(['张伟'])

    const stream = FakeEventSource.latest()
    expect(decodeURIComponent(stream.url)).toContain('"token":"token-1"')
    expect(decodeURIComponent(stream.url)).toContain('"projectId":"project-1"')
    stream.connect()
    stream.send(boardWith(['张伟', '李娜']))
    await flushPromises()
    expect(view.queue.value.map((row) => row.name)).toEqual(['张伟', '李娜'])
    expect(live.state).toBe('open')
  })

  it('never lets a slow rotation.board answer overwrite what the stream sent since', async () => {
    let answer: (value: Reply<BoardPayload>) => void = () => {}
    server.handle('rotation.board', () => new Promise((resolve) => (answer = resolve)))
    const { view } = await liveBoard()
    const stream = FakeEventSource.latest()
    stream.connect()
    stream.send(boardWith(['张伟', '李娜', '王芳']))
    await flushPromises()
    answer(ok(boardWith(['张伟'])))
    await flushPromises()
    expect(view.queue.value).toHaveLength(3)
  })

  it('stays fresh on pings alone, goes stale 15 s after the last message, and recovers on the next', async () => {
    server.handle('rotation.board', () => ok(boardWith(['张伟'])))
    const { live, view } = await liveBoard()
    const stream = FakeEventSource.latest()
    stream.connect()
    stream.send(boardWith(['张伟']))
    await flushPromises()

    for (let i = 0; i < 6; i += 1) {
      await vi.advanceTimersByTimeAsync(5_000)
      stream.ping()
    }
    await vi.advanceTimersByTimeAsync(1_000)
    expect(view.stale.value).toBe(false)
    const heardAt = live.lastHeardAt

    // The server goes silent: the link gives up on the stream after 12 s and opens another.
    await vi.advanceTimersByTimeAsync(15_000)
    expect(view.stale.value).toBe(true)
    expect(live.lastHeardAt).toBe(heardAt)
    expect(FakeEventSource.instances.length).toBeGreaterThan(1)

    const reopened = FakeEventSource.latest()
    reopened.connect()
    reopened.send(boardWith(['张伟', '李娜']))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(view.stale.value).toBe(false)
    expect(view.queue.value).toHaveLength(2)
  })

  it('says a dropped connection is stale at once, before 15 s have passed', async () => {
    server.handle('rotation.board', () => ok(boardWith(['张伟'])))
    const { live, view } = await liveBoard()
    const stream = FakeEventSource.latest()
    stream.connect()
    await flushPromises()
    stream.readyState = stream.CONNECTING
    stream.dispatchEvent(new Event('error'))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(live.state).toBe('reconnecting')
    expect(view.stale.value).toBe(true)
  })

  it('moves the timers on by itself between messages', async () => {
    const since = new Date(START).toISOString()
    server.handle('rotation.board', () =>
      ok(
        boardWith(['张伟'], {
          queue: [
            { consultantId: 'c1', name: '张伟', position: 1, status: 'receiving', breakReason: null, since },
          ],
          receiving: [{ receptionId: 'r1', consultantId: 'c1', since, reason: 'rotation', kind: 'visit' }],
          waiting: [{ waitingId: 'w1', since, partySize: 2, kind: 'visit' }],
        }),
      ),
    )
    const { view } = await liveBoard()
    FakeEventSource.latest().connect()
    expect(view.queue.value[0]?.minutes).toBe(0)
    expect(view.waiting.value?.longestMinutes).toBe(0)
    for (let i = 0; i < 2; i += 1) {
      await vi.advanceTimersByTimeAsync(5_000)
      FakeEventSource.latest().ping()
    }
    await vi.advanceTimersByTimeAsync(2 * 60_000 - 10_000)
    expect(view.queue.value[0]?.minutes).toBe(2)
    expect(view.waiting.value?.longestMinutes).toBe(2)
  })

  it("names a consultant who signed out from the day's tally", async () => {
    server.handle('rotation.board', () => ok(boardWith(['张伟', '李娜'])))
    const { view } = await liveBoard()
    const stream = FakeEventSource.latest()
    stream.connect()
    stream.send(
      boardWith(['张伟'], {
        tally: [
          { consultantId: 'c2', name: '李娜', received: 2, valid: 1, invalid: 1, missed: 0, reassigned: 0 },
        ],
      }),
    )
    await flushPromises()
    expect(view.tally.value.map((row) => row.name)).toEqual(['张伟', '李娜'])
  })
})
