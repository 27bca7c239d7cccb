import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../../common/locales'
import { useDeviceStore } from '../../../common/stores/device'
import { DEFAULT_BREAK_KEEPS_PLACE as BREAK_KEEPS_PLACE } from '@anchang/shared/break-reasons'
import { deviceMe, fakeServer, pairedDevice, type FakeServer } from '../../../test/fake-server'
import ConsultantBreakReasons from './ConsultantBreakReasons.vue'

let server: FakeServer
beforeEach(() => {
  localStorage.clear()
  server = fakeServer()
  vi.stubGlobal('fetch', server.fetch)
})
afterEach(() => vi.unstubAllGlobals())

describe('ConsultantBreakReasons', () => {
  it("groups the reasons by the project's own rule of which breaks keep the place", async () => {
    const pinia = pairedDevice('kiosk')
    server.handle('devices.me', () => deviceMe('kiosk', undefined, { ...BREAK_KEEPS_PLACE, lunch: false }))
    const device = useDeviceStore(pinia)
    device.startHeartbeat()
    await flushPromises()
    device.stopHeartbeat()
    const wrapper = mount(ConsultantBreakReasons, { global: { plugins: [pinia, i18n] } })
    const groups = wrapper.findAll('section').map((section) => section.text())
    expect(groups[0]).not.toContain('午餐')
    expect(groups[1]).toContain('午餐')
  })
})
