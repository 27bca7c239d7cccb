import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { i18n } from '../../locales'
import { DEVICE_KIND, useDeviceStore } from '../../stores/device'
import PairingScreen from './PairingScreen.vue'

// The server is faked at the network boundary, so the real tRPC client and error handling run.
const claimed = (kind: 'kiosk' | 'board') => ({
  result: {
    data: {
      deviceId: 'device-1',
      token: 'token-1',
      kind,
      projectId: 'project-1',
      name: '前台1',
      project: { id: 'project-1', code: 'DEMO', name: '思源·示范项目' },
    },
  },
})
const refused = (message: string) => ({
  error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } },
})
const answer = (body: object, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  )
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'))

const fetchMock = vi.fn<typeof fetch>()
const sentCodes = () => fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init?.body)).code as string)

let screen: VueWrapper
function openPairing(kind: 'kiosk' | 'board' = 'kiosk') {
  screen = mount(PairingScreen, {
    global: { plugins: [createPinia(), i18n], provide: { [DEVICE_KIND as symbol]: kind } },
  })
  return screen
}
async function type(code: string) {
  for (const digit of code) {
    await screen
      .findAll('button')
      .find((b) => b.text() === digit)!
      .trigger('click')
  }
}
async function pressPair() {
  await screen
    .findAll('button')
    .find((b) => b.text() === '配对')!
    .trigger('click')
  await flushPromises()
}
const shownCode = () => screen.get('[data-testid="pairing-code"]').text().replace(/\s/g, '')

describe('PairingScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', fetchMock)
    localStorage.clear()
  })
  afterEach(() => {
    screen.unmount()
    fetchMock.mockReset()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('asks for the code shown in the admin app and pairs with it', async () => {
    fetchMock.mockImplementation(() => answer(claimed('kiosk')))
    openPairing()
    expect(screen.text()).toContain('请输入管理后台显示的 6 位配对码')
    await type('482913')
    await pressPair()
    expect(sentCodes()).toEqual(['482913'])
    expect(localStorage.getItem('anchang.kiosk.token')).toBe('token-1')
    expect(useDeviceStore().project?.name).toBe('思源·示范项目')
  })

  it('shows the server’s sentence for a wrong code and keeps the digits to correct', async () => {
    fetchMock.mockImplementation(() => answer(refused('配对码不正确或已过期，请在管理后台重新生成。'), 400))
    openPairing()
    await type('111111')
    await pressPair()
    expect(screen.get('[role="alert"]').text()).toBe('配对码不正确或已过期，请在管理后台重新生成。')
    expect(shownCode()).toBe('111111')
    expect(localStorage.getItem('anchang.kiosk.token')).toBeNull()
  })

  it('refuses a board’s code on the kiosk, saying what to do', async () => {
    fetchMock.mockImplementation(() => answer(claimed('board')))
    openPairing('kiosk')
    await type('555555')
    await pressPair()
    expect(screen.get('[role="alert"]').text()).toBe(
      '这是「轮序大屏」的配对码，不能用于前台自助机。这个配对码已被用掉，请在管理后台为前台自助机重新生成一个。',
    )
    expect(localStorage.getItem('anchang.kiosk.token')).toBeNull()
  })

  it('says the network is down, keeps the code, and sends it again with growing pauses', async () => {
    fetchMock.mockImplementationOnce(unreachable).mockImplementationOnce(unreachable)
    fetchMock.mockImplementation(() => answer(claimed('kiosk')))
    openPairing()
    await type('246810')
    await pressPair()
    expect(screen.text()).toContain('网络连接中断，正在重试…')
    expect(shownCode()).toBe('246810')

    await vi.advanceTimersByTimeAsync(1_000)
    expect(sentCodes()).toEqual(['246810', '246810'])
    expect(screen.text()).toContain('网络连接中断，正在重试…')
    await vi.advanceTimersByTimeAsync(1_999)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(sentCodes()).toEqual(['246810', '246810', '246810'])
    expect(localStorage.getItem('anchang.kiosk.token')).toBe('token-1')
  })

  it('stops retrying a code once it is being edited', async () => {
    fetchMock.mockImplementation(unreachable)
    openPairing()
    await type('135790')
    await pressPair()
    await screen.get('button[aria-label="删除一位"]').trigger('click')
    expect(screen.text()).not.toContain('网络连接中断')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(shownCode()).toBe('13579')
  })
})
