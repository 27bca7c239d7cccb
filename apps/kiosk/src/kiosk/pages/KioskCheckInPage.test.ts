import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '../../common/locales'
import { DEVICE_KIND } from '../../common/stores/device'
import { deviceMe, fakeServer, ok, unreachable, type FakeServer } from '../../test/fake-server'
import { createPinia } from 'pinia'
import KioskApp from '../KioskApp.vue'
import { IDLE_RETURN_MS } from '../composables/useIdleReturn'
import { createKioskRouter } from '../router'
import { useCheckInStore } from '../stores/check-in'

let server: FakeServer
let screen: VueWrapper | undefined

/** The whole kiosk app, paired, on its welcome screen, as main.ts starts it. */
async function openKiosk() {
  localStorage.setItem('anchang.kiosk.token', 'token-1')
  server.handle('devices.me', () => deviceMe('kiosk'))
  const router = createKioskRouter()
  const pinia = createPinia()
  screen = mount(KioskApp, {
    global: { plugins: [pinia, i18n, router], provide: { [DEVICE_KIND as symbol]: 'kiosk' } },
    attachTo: document.body,
  })
  await router.push('/')
  await settle()
  return { screen, router }
}

/** Lets requests, lazy route chunks and re-renders finish. */
async function settle() {
  await vi.dynamicImportSettled()
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
}

async function tap(label: string) {
  const button = screen!
    .findAll('button')
    .find((b) => b.text().trim() === label || b.attributes('aria-label') === label)
  if (!button) throw new Error(`no button “${label}” on: ${screen!.text()}`)
  await button.trigger('click')
  await settle()
}

async function startCheckIn() {
  await screen!.get('[data-testid="start-check-in"]').trigger('click')
  await settle()
}

const heading = () => screen!.find('h1').text()

describe('visitor check-in on the kiosk', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false })
    localStorage.clear()
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetch)
  })
  afterEach(() => {
    screen?.unmount()
    screen = undefined
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('takes a visitor through every screen, names the consultant, and forgets it all 20 s later', async () => {
    server.handle('kiosk.checkIn', () =>
      ok({
        outcome: 'assigned',
        receptionId: 'r-1',
        consultant: { id: 'c-1', name: '张伟' },
        reason: 'rotation',
      }),
    )
    await openKiosk()
    await startCheckIn()
    expect(heading()).toBe('您是第一次来吗？')
    await tap('是，第一次来')
    expect(heading()).toBe('个人信息保护说明')
    expect(screen!.text()).toContain('您的手机号、姓氏和称呼、来访人数')
    await tap('同意并继续')
    expect(heading()).toBe('请输入您的手机号')

    for (const digit of '13800138000') await tap(digit)
    expect(screen!.get('[data-testid="phone-display"]').text()).toBe('138 0013 8000')
    await tap('下一步')
    expect(heading()).toBe('请选择您的姓氏')
    await tap('王')
    await tap('王先生')
    await tap('3 位')
    expect(heading()).toBe('您是通过什么渠道了解到我们的？')
    await tap('朋友介绍')

    expect(screen!.get('[data-testid="result-sentence"]').text()).toBe('请稍候，置业顾问 张伟 将为您服务')
    expect(screen!.text()).toContain('王先生，您好！')
    expect(server.calls('kiosk.checkIn')).toEqual([
      {
        phone: '13800138000',
        surname: '王',
        title: '先生',
        partySize: 3,
        channel: '朋友介绍',
        consentVersion: '2026-11',
      },
    ])

    vi.advanceTimersByTime(IDLE_RETURN_MS)
    await settle()
    expect(screen!.find('[data-testid="start-check-in"]').exists()).toBe(true)
    const flow = useCheckInStore()
    expect([flow.step, flow.phone, flow.surname, flow.outcome]).toEqual(['firstVisit', '', null, null])
  })

  it('welcomes a returning visitor by surname and title and asks only how many came', async () => {
    server.handle('kiosk.welcome', () => ok({ greeting: '王先生', known: ['surname', 'title', 'channel'] }))
    server.handle('kiosk.checkIn', () =>
      ok({
        outcome: 'assigned',
        receptionId: 'r-1',
        consultant: { id: 'c-1', name: '张伟' },
        reason: 'owner',
      }),
    )
    await openKiosk()
    await startCheckIn()
    await tap('不是，之前来过')
    await tap('同意并继续')
    for (const digit of '13800138000') await tap(digit)
    await tap('下一步')

    expect(heading()).toBe('一共几位来访？')
    expect(screen!.get('[data-testid="welcome-back"]').text()).toBe('欢迎回来，王先生！')
    await tap('2 位')
    expect(screen!.text()).toContain('王先生，您好！')
    expect(server.calls('kiosk.checkIn')).toEqual([
      { phone: '13800138000', partySize: 2, consentVersion: '2026-11' },
    ])
  })

  it('returns to welcome and keeps no number when the privacy notice is declined', async () => {
    await openKiosk()
    await startCheckIn()
    await tap('不是，之前来过')
    await tap('不同意')
    expect(screen!.find('[data-testid="start-check-in"]').exists()).toBe(true)
    expect(server.calls('kiosk.checkIn')).toEqual([])
  })

  it('points out a number that cannot be a mobile number before it is sent', async () => {
    await openKiosk()
    await startCheckIn()
    await tap('不是，之前来过')
    await tap('同意并继续')
    expect(screen!.text()).toContain('我们会根据手机号为您找到之前接待您的置业顾问。')
    await tap('2')
    expect(screen!.get('[role="alert"]').text()).toBe(
      '这好像不是手机号：手机号以 13 到 19 开头，请检查一下。',
    )
    await tap('删除一位')
    for (const digit of '1380013') await tap(digit)
    await tap('下一步')
    expect(screen!.get('[role="alert"]').text()).toBe('还差 4 位数字')
    expect(heading()).toBe('请输入您的手机号')
  })

  it('stays on the retry screen while the network is down, however long, until the visitor cancels', async () => {
    server.handle('kiosk.checkIn', unreachable)
    await openKiosk()
    await startCheckIn()
    await tap('是，第一次来')
    await tap('同意并继续')
    for (const digit of '13900001111') await tap(digit)
    await tap('下一步')
    await tap('跳过')
    await tap('跳过')
    await tap('1 位')
    await tap('跳过')

    expect(screen!.text()).toContain('暂时连不上服务器')
    expect(screen!.text()).toContain('网络连接中断，正在重试…')
    expect(screen!.text()).toContain('您填写的信息都已保留')
    await vi.advanceTimersByTimeAsync(IDLE_RETURN_MS * 3)
    await settle()
    expect(screen!.text()).toContain('暂时连不上服务器')
    expect(server.calls('kiosk.checkIn').length).toBeGreaterThan(3)

    await tap('取消登记')
    expect(screen!.find('[data-testid="start-check-in"]').exists()).toBe(true)
    const sent = server.calls('kiosk.checkIn').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('kiosk.checkIn')).toHaveLength(sent)
  })
})
