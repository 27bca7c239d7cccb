import { describe, expect, it, vi } from 'vitest'
import { createChime } from './useChime'

/** Just enough of an AudioContext to count the notes played. */
class FakeAudioContext {
  static created = 0
  state: 'suspended' | 'running' | 'closed' = 'suspended'
  currentTime = 0
  destination = {}
  oscillators = 0
  constructor() {
    FakeAudioContext.created += 1
  }
  resume() {
    this.state = 'running'
    return Promise.resolve()
  }
  close() {
    this.state = 'closed'
    return Promise.resolve()
  }
  createOscillator() {
    this.oscillators += 1
    return { type: 'sine', frequency: { value: 0 }, connect: vi.fn(), start: vi.fn(), stop: vi.fn() }
  }
  createGain() {
    return { gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: vi.fn() }
  }
}

describe('the new-reception chime', () => {
  it('stays silent, without an error, until the person has touched the page', async () => {
    const chime = createChime(() => FakeAudioContext as unknown as new () => AudioContext)
    const before = FakeAudioContext.created
    expect(chime.play()).toBe(false)
    // No audio context is made outside a gesture: browsers log a warning for that.
    expect(FakeAudioContext.created).toBe(before)

    chime.unlock()
    await Promise.resolve()
    expect(chime.play()).toBe(true)
  })

  it('says nothing where the browser has no Web Audio or refuses it', () => {
    const none = createChime(() => undefined)
    none.unlock()
    expect(none.play()).toBe(false)

    const refusing = createChime(
      () =>
        class {
          constructor() {
            throw new Error('NotAllowedError')
          }
        } as unknown as new () => AudioContext,
    )
    expect(() => refusing.unlock()).not.toThrow()
    expect(refusing.play()).toBe(false)
  })
})
