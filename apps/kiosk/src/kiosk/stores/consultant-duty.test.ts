import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { useDeviceStore } from '../../common/stores/device'
import {
  deviceMe,
  fakeServer,
  ok,
  pairedDevice,
  refused,
  unreachable,
  type FakeServer,
} from '../../test/fake-server'
import { useConsultantDutyStore } from './consultant-duty'

const zhangWei = { id: 'c-1', name: '张伟' }
let server: FakeServer

/** The server's answer to the PIN: 张伟, standing as given. */
const identified =
  (
    standing: 'signedOut' | 'available' | 'break' | 'receiving',
    position: number | null = null,
    next = false,
  ) =>
  () =>
    ok({ consultant: zhangWei, standing, position, next })

async function kiosk() {
  pairedDevice('kiosk')
  server.handle('devices.me', () => deviceMe('kiosk'))
  const device = useDeviceStore()
  device.startHeartbeat()
  await flushPromises()
  device.stopHeartbeat()
  return useConsultantDutyStore()
}

describe('consultant mode', () => {
  beforeEach(() => {
    localStorage.clear()
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetch)
  })
  afterEach(() => {
    useConsultantDutyStore().reset()
    vi.unstubAllGlobals()
  })

  it('signs in with the PIN and tells the consultant their place', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', identified('signedOut'))
    server.handle('rotation.signIn', () => ok({ position: 3, consultant: zhangWei }))
    duty.editPin('10012')
    expect(duty.pin).toBe('1001')
    await duty.confirmPin()
    expect(server.calls('kiosk.identify')).toEqual([{ pin: '1001' }])
    expect(duty.step).toBe('action')
    expect(duty.identity).toMatchObject({ consultant: zhangWei, standing: 'signedOut' })
    await duty.signIn()
    expect(server.calls('rotation.signIn')).toEqual([{ pin: '1001' }])
    expect(duty.step).toBe('done')
    expect(duty.done).toEqual({ action: 'signIn', consultant: zhangWei, position: 3, reason: null })
    expect(duty.pin).toBe('')
  })

  it('takes a break with its reason and says where the consultant stands', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', identified('available', 1, true))
    server.handle('rotation.setBreak', () => ok({ ok: true, consultant: zhangWei, position: 2 }))
    duty.editPin('1001')
    await duty.confirmPin()
    duty.chooseBreak()
    expect(duty.step).toBe('breakReason')
    await duty.takeBreak('lunch')
    expect(server.calls('rotation.setBreak')).toEqual([{ pin: '1001', onBreak: true, reason: 'lunch' }])
    expect(duty.done).toEqual({ action: 'break', consultant: zhangWei, position: 2, reason: 'lunch' })
  })

  it('comes back from a break and signs out with the same PIN call', async () => {
    const duty = await kiosk()
    server.handle('rotation.setBreak', () => ok({ ok: true, consultant: zhangWei, position: 1 }))
    server.handle('rotation.signOut', () => ok({ ok: true, consultant: zhangWei }))
    server.handle('kiosk.identify', identified('break', 1))
    duty.editPin('1001')
    await duty.confirmPin()
    await duty.comeBack()
    expect(server.calls('rotation.setBreak')).toEqual([{ pin: '1001', onBreak: false }])
    expect(duty.done?.position).toBe(1)

    duty.reset()
    duty.editPin('1001')
    await duty.confirmPin()
    await duty.signOut()
    expect(server.calls('rotation.signOut')).toEqual([{ pin: '1001' }])
    expect(duty.done).toEqual({ action: 'signOut', consultant: zhangWei, position: null, reason: null })
  })

  it('checks the PIN as soon as it is typed: a wrong or locked one is refused before any action is offered', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', () => refused('PIN 码不正确，请重新输入（连续输错 5 次将锁定 5 分钟）。'))
    duty.editPin('9999')
    await duty.confirmPin()
    expect(duty.step).toBe('pin')
    expect(duty.pin).toBe('')
    expect(duty.identity).toBeNull()
    expect(duty.problem).toEqual({
      kind: 'refused',
      message: 'PIN 码不正确，请重新输入（连续输错 5 次将锁定 5 分钟）。',
    })

    server.handle('kiosk.identify', () =>
      refused('PIN 码连续输错次数过多，本机已锁定，请 5 分钟后再试。', 'TOO_MANY_REQUESTS', 429),
    )
    duty.editPin('1001')
    expect(duty.problem).toBeNull()
    await duty.confirmPin()
    expect(duty.step).toBe('pin')
    expect(duty.problem).toEqual({
      kind: 'refused',
      message: 'PIN 码连续输错次数过多，本机已锁定，请 5 分钟后再试。',
    })
  })

  it('an action the server refuses after all (the state changed meanwhile) returns to the PIN with its sentence', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', identified('available', 2))
    server.handle('rotation.setBreak', () => refused('张伟正在接待客户，请先结束这次接待。', 'CONFLICT', 409))
    duty.editPin('1001')
    await duty.confirmPin()
    await duty.takeBreak('lunch')
    expect([duty.step, duty.pin]).toEqual(['pin', ''])
    expect(duty.problem).toEqual({ kind: 'refused', message: '张伟正在接待客户，请先结束这次接待。' })
  })

  it('keeps the PIN when the server cannot be reached to check it', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', unreachable)
    duty.editPin('1001')
    await duty.confirmPin()
    expect([duty.step, duty.pin]).toEqual(['pin', '1001'])
    expect(duty.problem).toEqual({ kind: 'unreachable' })
  })

  it('keeps the choice open when the server cannot be reached', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', identified('signedOut'))
    server.handle('rotation.signIn', unreachable)
    duty.editPin('1001')
    await duty.confirmPin()
    await duty.signIn()
    expect(duty.step).toBe('action')
    expect(duty.pin).toBe('1001')
    expect(duty.problem).toEqual({ kind: 'unreachable' })
  })

  it('goes back from reasons to actions to the PIN, forgetting the PIN', async () => {
    const duty = await kiosk()
    server.handle('kiosk.identify', identified('available', 1))
    duty.editPin('1001')
    await duty.confirmPin()
    duty.chooseBreak()
    expect(duty.back()).toBe(true)
    expect(duty.step).toBe('action')
    expect(duty.back()).toBe(true)
    expect([duty.step, duty.pin]).toEqual(['pin', ''])
    expect(duty.back()).toBe(false)
  })
})
