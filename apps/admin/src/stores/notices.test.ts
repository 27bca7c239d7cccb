import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

type Callbacks = {
  onData: (raw: unknown) => void
  onConnectionStateChange: (state: { state: 'idle' | 'connecting' | 'pending' }) => void
  onError: (error: unknown) => void
}
const subscriptions: { input: unknown; callbacks: Callbacks; unsubscribe: ReturnType<typeof vi.fn> }[] = []

vi.mock('../trpc', () => ({
  trpc: {
    rotation: {
      onNotice: {
        subscribe: (input: unknown, callbacks: Callbacks) => {
          const unsubscribe = vi.fn()
          subscriptions.push({ input, callbacks, unsubscribe })
          return { unsubscribe }
        },
      },
    },
  },
}))

const { useNoticeStore } = await import('./notices')

const assigned = {
  type: 'assigned',
  projectId: 'p1',
  receptionId: 'r1',
  reason: 'rotation',
  visitor: { name: '王先生', phone: '138****5678', partySize: 2, channel: '网络', kind: 'visit' },
  at: '2026-03-01T02:00:00.000Z',
}

describe('a consultant’s live notices', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    subscriptions.length = 0
  })

  it('hands each assignment to the alert and tells pages to reload', () => {
    const store = useNoticeStore()
    const heard: unknown[] = []
    store.listen((n) => heard.push(n))
    store.start('p1')
    expect(subscriptions).toHaveLength(1)
    expect(subscriptions[0]!.input).toEqual({ projectId: 'p1' })

    subscriptions[0]!.callbacks.onData(assigned)
    expect(heard).toEqual([assigned])
    expect(store.revision).toBe(1)
  })

  it('ignores what it cannot read', () => {
    const store = useNoticeStore()
    store.start('p1')
    subscriptions[0]!.callbacks.onData({ type: 'unknown' })
    expect(store.revision).toBe(0)
  })

  it('reloads after a dropped connection comes back, since a notice may have been missed meanwhile', () => {
    const store = useNoticeStore()
    store.start('p1')
    const { onConnectionStateChange } = subscriptions[0]!.callbacks
    onConnectionStateChange({ state: 'pending' })
    expect(store.connected).toBe(true)
    expect(store.revision).toBe(0)
    onConnectionStateChange({ state: 'connecting' })
    expect(store.connected).toBe(false)
    onConnectionStateChange({ state: 'pending' })
    expect(store.revision).toBe(1)
  })

  it('subscribes once per project and stops the old stream when the project changes', () => {
    const store = useNoticeStore()
    store.start('p1')
    store.start('p1')
    expect(subscriptions).toHaveLength(1)
    store.start('p2')
    expect(subscriptions).toHaveLength(2)
    expect(subscriptions[0]!.unsubscribe).toHaveBeenCalled()
    store.stop()
    expect(subscriptions[1]!.unsubscribe).toHaveBeenCalled()
  })
})
