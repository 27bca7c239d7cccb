import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createApp } from 'vue'
import { DEVICE_KIND, HEARTBEAT_MS, useDeviceStore } from './device'

// The server is faked at the network boundary, so the real tRPC client and error handling run.
const me = {
  result: {
    data: {
      device: { id: 'device-1', kind: 'board', projectId: 'project-1', name: '大屏1' },
      project: { id: 'project-1', code: 'DEMO', name: '思源·示范项目', timeZone: 'Asia/Shanghai' },
      channels: [],
    },
  },
}
const revoked = {
  error: {
    message: '这台设备未配对或已被撤销，请让经理重新配对。',
    code: -32001,
    data: { code: 'UNAUTHORIZED', httpStatus: 401 },
  },
}
const answer = (body: object, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  )
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'))
const fetchMock = vi.fn<typeof fetch>()

function pairedBoard() {
  localStorage.setItem('anchang.board.token', 'token-1')
  const app = createApp({})
  app.provide(DEVICE_KIND, 'board')
  const pinia = createPinia()
  app.use(pinia)
  setActivePinia(pinia)
  return useDeviceStore()
}

describe('device heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', fetchMock)
    localStorage.clear()
  })
  afterEach(() => {
    useDeviceStore().stopHeartbeat()
    fetchMock.mockReset()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('checks in with its token every 30 seconds and shows the project', async () => {
    fetchMock.mockImplementation(() => answer(me))
    const device = pairedBoard()
    device.startHeartbeat()
    await flushPromises()
    expect(device.connection).toBe('online')
    expect(device.project).toMatchObject({ name: '思源·示范项目', timeZone: 'Asia/Shanghai' })
    const headers = new Headers(fetchMock.mock.calls[0]![1]?.headers)
    expect(headers.get('authorization')).toBe('Bearer token-1')
    expect(headers.get('accept-language')).toBe('zh-CN')

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS - 1)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('goes stale when the server cannot be reached, retries after 1 s, 2 s, 4 s…, and recovers', async () => {
    fetchMock.mockImplementationOnce(() => answer(me))
    const device = pairedBoard()
    device.startHeartbeat()
    await flushPromises()
    fetchMock.mockImplementation(unreachable)

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS)
    expect(device.connection).toBe('offline')
    // What the board showed is kept: a stale screen, not an empty one.
    expect(device.project?.name).toBe('思源·示范项目')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(fetchMock).toHaveBeenCalledTimes(4)

    fetchMock.mockImplementation(() => answer(me))
    await vi.advanceTimersByTimeAsync(4_000)
    expect(device.connection).toBe('online')
  })

  it('forgets a refused token and says why, so the screen goes back to pairing', async () => {
    fetchMock.mockImplementation(() => answer(revoked, 401))
    const device = pairedBoard()
    device.startHeartbeat()
    await flushPromises()
    expect(device.token).toBeNull()
    expect(localStorage.getItem('anchang.board.token')).toBeNull()
    expect(device.pairingNotice).toEqual({
      type: 'server',
      message: '这台设备未配对或已被撤销，请让经理重新配对。',
    })
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})
