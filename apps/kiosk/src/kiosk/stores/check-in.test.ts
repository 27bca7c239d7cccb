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
  type OutputOf,
  type Reply,
} from '../../test/fake-server'
import { CONSENT_VERSION } from '../domain/consent'
import { useCheckInStore, WELCOME_WAIT_MS } from './check-in'

const assigned: OutputOf<'kiosk.checkIn'> = {
  outcome: 'assigned',
  receptionId: 'r-1',
  consultant: { id: 'c-1', name: '张伟' },
  reason: 'rotation',
}

let server: FakeServer

/** A paired kiosk that has had its first `devices.me`, so it knows the project's channels. */
async function kiosk(channels?: string[]) {
  pairedDevice('kiosk')
  server.handle('devices.me', () => deviceMe('kiosk', channels))
  // A stranger to the book unless a test says otherwise.
  server.handle('kiosk.welcome', () => ok({ greeting: null, known: [] }))
  const device = useDeviceStore()
  device.checkNow()
  device.startHeartbeat()
  await flushPromises()
  device.stopHeartbeat()
  return useCheckInStore()
}

/** Answers every question the way a visitor taps through them. */
async function answerAll(flow: ReturnType<typeof useCheckInStore>, phone = '13800138000') {
  flow.answerFirstVisit(true)
  flow.consent()
  flow.editPhone(phone)
  expect(flow.confirmPhone()).toBe(true)
  await flushPromises()
  flow.chooseSurname('王')
  flow.chooseTitle('先生')
  flow.choosePartySize(3)
  flow.chooseChannel('老带新')
  await flushPromises()
}

describe('check-in flow', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    localStorage.clear()
    server = fakeServer()
    vi.stubGlobal('fetch', server.fetch)
  })
  afterEach(() => {
    useCheckInStore().reset()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('asks one question per screen, in order, and counts the steps', async () => {
    const flow = await kiosk()
    const seen: string[] = [flow.step]
    expect(flow.progress).toEqual({ current: 1, total: 7 })
    flow.answerFirstVisit(false)
    seen.push(flow.step)
    flow.consent()
    seen.push(flow.step)
    flow.editPhone('13912345678')
    flow.confirmPhone()
    await flushPromises()
    seen.push(flow.step)
    flow.chooseSurname(null)
    seen.push(flow.step)
    flow.chooseTitle(null)
    seen.push(flow.step)
    expect(flow.progress).toEqual({ current: 6, total: 7 })
    flow.choosePartySize(1)
    seen.push(flow.step)
    expect(seen).toEqual(['firstVisit', 'privacy', 'phone', 'surname', 'title', 'partySize', 'channel'])
  })

  it('goes back one screen at a time, keeping every answer, and says when there is nothing before', async () => {
    const flow = await kiosk()
    flow.answerFirstVisit(true)
    flow.consent()
    flow.editPhone('13800138000')
    flow.confirmPhone()
    await flushPromises()
    flow.chooseSurname('李')
    expect(flow.step).toBe('title')

    expect(flow.back()).toBe(true)
    expect(flow.step).toBe('surname')
    expect(flow.surname).toBe('李')
    expect(flow.back()).toBe(true)
    expect(flow.step).toBe('phone')
    expect(flow.phone).toBe('13800138000')
    flow.back()
    flow.back()
    expect(flow.step).toBe('firstVisit')
    expect(flow.firstVisit).toBe(true)
    expect(flow.back()).toBe(false)
  })

  it('does not let a wrong or short number through, and says why', async () => {
    const flow = await kiosk()
    flow.answerFirstVisit(true)
    flow.consent()

    flow.editPhone('12')
    expect(flow.phoneProblem).toBe('notMobile')
    expect(flow.confirmPhone()).toBe(false)
    expect(flow.step).toBe('phone')

    flow.editPhone('1380013800')
    expect(flow.phoneAttempted).toBe(false)
    expect(flow.confirmPhone()).toBe(false)
    expect(flow.phoneAttempted).toBe(true)
    expect(flow.phoneProblem).toBe('incomplete')

    // Typing again takes the complaint away until the next press of "next".
    flow.editPhone('13800138000')
    expect(flow.phoneAttempted).toBe(false)
    expect(flow.confirmPhone()).toBe(true)
    await flushPromises()
    expect(flow.step).toBe('surname')
  })

  it('keeps only digits, and at most eleven', async () => {
    const flow = await kiosk()
    flow.editPhone('138 0013-80001')
    expect(flow.phone).toBe('13800138000')
  })

  it('sends every answer with the privacy notice version, then shows who will receive the visitor', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', () => ok(assigned))
    await answerAll(flow)

    expect(server.calls('kiosk.checkIn')).toEqual([
      {
        phone: '13800138000',
        surname: '王',
        title: '先生',
        partySize: 3,
        channel: '老带新',
        consentVersion: CONSENT_VERSION,
      },
    ])
    expect(flow.step).toBe('result')
    expect(flow.outcome).toEqual(assigned)
  })

  it('leaves out what the visitor skipped', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', () => ok(assigned))
    flow.answerFirstVisit(true)
    flow.consent()
    flow.editPhone('13800138000')
    flow.confirmPhone()
    await flushPromises()
    flow.chooseSurname(null)
    flow.chooseTitle(null)
    flow.choosePartySize(25)
    flow.chooseChannel(null)
    await flushPromises()
    expect(server.calls('kiosk.checkIn')).toEqual([
      { phone: '13800138000', partySize: 20, consentVersion: CONSENT_VERSION },
    ])
  })

  it('skips the channel question when the project has no channels', async () => {
    const flow = await kiosk([])
    server.handle('kiosk.checkIn', () => ok(assigned))
    flow.answerFirstVisit(true)
    flow.consent()
    flow.editPhone('13800138000')
    flow.confirmPhone()
    await flushPromises()
    flow.chooseSurname(null)
    flow.chooseTitle(null)
    expect(flow.progress).toEqual({ current: 6, total: 6 })
    flow.choosePartySize(2)
    await flushPromises()
    expect(flow.step).toBe('result')
  })

  it('forgets everything when the visitor declines the privacy notice', async () => {
    const flow = await kiosk()
    flow.answerFirstVisit(false)
    flow.decline()
    expect(flow.step).toBe('firstVisit')
    expect(flow.firstVisit).toBeNull()
    expect(flow.consented).toBe(false)
    expect(server.calls('kiosk.checkIn')).toEqual([])
  })

  it('keeps everything while the server is unreachable and retries after 1 s, 2 s, 4 s… until it answers', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', unreachable)
    await answerAll(flow)
    expect(flow.step).toBe('submit')
    expect(flow.status).toBe('waitingToRetry')
    expect(flow.busy).toBe(true)
    expect(flow.phone).toBe('13800138000')
    expect(server.calls('kiosk.checkIn')).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.calls('kiosk.checkIn')).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(server.calls('kiosk.checkIn')).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.calls('kiosk.checkIn')).toHaveLength(3)

    server.handle('kiosk.checkIn', () =>
      ok({ outcome: 'waiting', waitingId: 'w-1', reason: 'waiting', waitPosition: 2, estimatedMinutes: 20 }),
    )
    await vi.advanceTimersByTimeAsync(4_000)
    expect(flow.step).toBe('result')
    expect(flow.outcome).toMatchObject({ outcome: 'waiting', waitPosition: 2 })
    // The same check-in each time: the server answers a repeated number with its first outcome.
    expect(new Set(server.calls('kiosk.checkIn').map((input) => JSON.stringify(input))).size).toBe(1)
  })

  it('stops retrying when the visitor cancels', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', unreachable)
    await answerAll(flow)
    flow.cancel()
    expect(flow.step).toBe('firstVisit')
    expect(flow.phone).toBe('')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('kiosk.checkIn')).toHaveLength(1)
  })

  it('shows the server’s refusal as given and lets the visitor go back to correct', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', () => refused('渠道“老带新”不在本项目的渠道列表中，请从列表中选择。'))
    await answerAll(flow)
    expect(flow.status).toBe('refused')
    expect(flow.serverMessage).toBe('渠道“老带新”不在本项目的渠道列表中，请从列表中选择。')
    expect(flow.back()).toBe(true)
    expect(flow.step).toBe('channel')
    expect(flow.status).toBe('idle')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('kiosk.checkIn')).toHaveLength(1)
  })

  it('retries when the server answers but is failing, with its sentence', async () => {
    const flow = await kiosk()
    server.handle('kiosk.checkIn', () => refused('服务器出错了，请稍后再试。', 'INTERNAL_SERVER_ERROR', 500))
    await answerAll(flow)
    expect(flow.status).toBe('waitingToRetry')
    expect(flow.serverMessage).toBe('服务器出错了，请稍后再试。')
  })

  it('ignores the answer to a check-in abandoned while it was on its way', async () => {
    const flow = await kiosk()
    let answer: (value: Reply<OutputOf<'kiosk.checkIn'>>) => void = () => {}
    server.handle('kiosk.checkIn', () => new Promise((resolve) => (answer = resolve)))
    await answerAll(flow)
    expect(flow.status).toBe('sending')
    flow.reset()
    answer(ok(assigned))
    await flushPromises()
    expect(flow.step).toBe('firstVisit')
    expect(flow.outcome).toBeNull()
  })

  describe('a returning visitor', () => {
    it('is greeted and not asked again what the book knows; the party size is still asked', async () => {
      const flow = await kiosk()
      server.handle('kiosk.welcome', () => ok({ greeting: '王先生', known: ['surname', 'title', 'channel'] }))
      server.handle('kiosk.checkIn', () => ok(assigned))
      flow.answerFirstVisit(false)
      flow.consent()
      flow.editPhone('13800138000')
      flow.confirmPhone()
      expect(flow.recognising).toBe(true)
      await flushPromises()

      expect(server.calls('kiosk.welcome')).toEqual([{ phone: '13800138000' }])
      expect(flow.welcome?.greeting).toBe('王先生')
      expect(flow.step).toBe('partySize')
      expect(flow.progress).toEqual({ current: 4, total: 4 })
      flow.choosePartySize(2)
      await flushPromises()
      expect(server.calls('kiosk.checkIn')).toEqual([
        { phone: '13800138000', partySize: 2, consentVersion: CONSENT_VERSION },
      ])
      // Back from the party size is the number again, and a new number forgets the greeting.
      expect(flow.step).toBe('result')
    })

    it('going back and typing another number asks everything again', async () => {
      const flow = await kiosk()
      server.handle('kiosk.welcome', (input) =>
        ok(
          input.phone === '13800138000'
            ? { greeting: '王先生', known: ['surname', 'title'] }
            : { greeting: null, known: [] },
        ),
      )
      flow.answerFirstVisit(false)
      flow.consent()
      flow.editPhone('13800138000')
      flow.confirmPhone()
      await flushPromises()
      expect(flow.step).toBe('partySize')
      expect(flow.back()).toBe(true)
      expect(flow.step).toBe('phone')
      flow.editPhone('13900139000')
      expect(flow.welcome).toBeNull()
      flow.confirmPhone()
      await flushPromises()
      expect(flow.step).toBe('surname')
    })

    it('a kiosk that cannot ask the book asks the visitor everything, after a moment at most', async () => {
      const flow = await kiosk()
      server.handle('kiosk.welcome', () => new Promise<never>(() => {}))
      flow.answerFirstVisit(false)
      flow.consent()
      flow.editPhone('13800138000')
      flow.confirmPhone()
      await flushPromises()
      expect(flow.step).toBe('phone')
      await vi.advanceTimersByTimeAsync(WELCOME_WAIT_MS)
      expect(flow.step).toBe('surname')
      expect(flow.welcome).toBeNull()

      useCheckInStore().reset()
      server.handle('kiosk.welcome', unreachable)
      flow.answerFirstVisit(false)
      flow.consent()
      flow.editPhone('13800138000')
      flow.confirmPhone()
      await flushPromises()
      expect(flow.step).toBe('surname')
    })
  })
})
