import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { IDLE_RETURN_MS, useIdleReturn } from './useIdleReturn'

const Welcome = defineComponent(() => () => h('h1', '欢迎光临'))
/** A screen a visitor might walk away from, as later screens (check-in) will be. */
const CheckIn = defineComponent(() => {
  useIdleReturn()
  return () => h('h1', '到访登记')
})

async function openKiosk() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'welcome', component: Welcome },
      { path: '/check-in', name: 'checkIn', component: CheckIn },
    ],
  })
  await router.push('/check-in')
  const wrapper = mount(RouterView, { global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

async function wait(ms: number) {
  vi.advanceTimersByTime(ms)
  await flushPromises()
}

const touch = () => window.dispatchEvent(new Event('pointerdown'))

describe('useIdleReturn', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('returns to the welcome screen after 20 seconds without a touch', async () => {
    const screen = await openKiosk()
    expect(IDLE_RETURN_MS).toBe(20_000)
    await wait(19_999)
    expect(screen.text()).toBe('到访登记')
    await wait(1)
    expect(screen.text()).toBe('欢迎光临')
  })

  it('starts the 20 seconds again at every touch or key press', async () => {
    const screen = await openKiosk()
    await wait(15_000)
    touch()
    await wait(15_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }))
    await wait(19_000)
    expect(screen.text()).toBe('到访登记')
    await wait(1_000)
    expect(screen.text()).toBe('欢迎光临')
  })

  it('waits only while enabled, and runs the given action instead of navigating', async () => {
    const open = ref(false)
    const closed = vi.fn(() => (open.value = false))
    const Dialog = defineComponent(() => {
      useIdleReturn({ enabled: open, onIdle: closed, after: 5_000 })
      return () => h('p', open.value ? '解除这台设备的配对？' : '')
    })
    const screen = mount(Dialog)
    await wait(10_000)
    expect(closed).not.toHaveBeenCalled()

    open.value = true
    await nextTick()
    await wait(4_999)
    expect(screen.text()).toBe('解除这台设备的配对？')
    await wait(1)
    expect(closed).toHaveBeenCalledOnce()
    expect(screen.text()).toBe('')
  })

  it('stops counting when the screen goes away', async () => {
    const onIdle = vi.fn()
    const Screen = defineComponent(() => {
      useIdleReturn({ onIdle })
      return () => h('p')
    })
    const screen = mount(Screen)
    screen.unmount()
    await wait(IDLE_RETURN_MS * 2)
    touch()
    await wait(IDLE_RETURN_MS * 2)
    expect(onIdle).not.toHaveBeenCalled()
  })
})
