import { onBeforeUnmount, onMounted } from 'vue'

type AudioContextConstructor = new () => AudioContext

function browserAudioContext(): AudioContextConstructor | undefined {
  if (typeof window === 'undefined') return undefined
  const w = window as unknown as {
    AudioContext?: AudioContextConstructor
    webkitAudioContext?: AudioContextConstructor
  }
  // Older iOS Safari only has the prefixed constructor.
  return w.AudioContext ?? w.webkitAudioContext
}

/** Two notes, high then lower: a doorbell, short enough not to startle anyone at the desk. */
const NOTES: readonly { frequency: number; start: number }[] = [
  { frequency: 988, start: 0 },
  { frequency: 740, start: 0.2 },
]
const NOTE_SECONDS = 0.45

/**
 * A new-reception chime drawn with the Web Audio API: nothing to download and nothing the page's
 * CSP would have to allow. Browsers let a page make sound only after the person has touched it, so
 * the audio context is created inside a gesture (`unlock`); until then `play` stays silent and says
 * nothing — the on-screen alert is the message, the sound only draws the eye to it.
 */
export function createChime(getConstructor: () => AudioContextConstructor | undefined = browserAudioContext) {
  let context: AudioContext | null = null

  function unlock(): void {
    try {
      if (!context) {
        const Constructor = getConstructor()
        if (!Constructor) return
        context = new Constructor()
      }
      if (context.state === 'suspended') context.resume().catch(() => undefined)
    } catch {
      // No audio device, or the browser refused: the alert still shows.
      context = null
    }
  }

  /** Plays the chime; false when the browser has not allowed sound yet. */
  function play(): boolean {
    if (!context || context.state !== 'running') return false
    try {
      const t0 = context.currentTime
      for (const note of NOTES) {
        const oscillator = context.createOscillator()
        const gain = context.createGain()
        oscillator.type = 'sine'
        oscillator.frequency.value = note.frequency
        // A soft attack and a fading tail: a bare square-edged tone clicks on most speakers.
        gain.gain.setValueAtTime(0.0001, t0 + note.start)
        gain.gain.exponentialRampToValueAtTime(0.35, t0 + note.start + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.start + NOTE_SECONDS)
        oscillator.connect(gain)
        gain.connect(context.destination)
        oscillator.start(t0 + note.start)
        oscillator.stop(t0 + note.start + NOTE_SECONDS + 0.05)
      }
      return true
    } catch {
      return false
    }
  }

  function close(): void {
    context?.close().catch(() => undefined)
    context = null
  }

  return { unlock, play, close }
}

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const

/** The chime for a mounted component: unlocked by the person's first touch or key anywhere on the page. */
export function useChime() {
  const chime = createChime()
  const unlock = () => chime.unlock()
  onMounted(() => {
    for (const type of GESTURES) window.addEventListener(type, unlock, { passive: true, capture: true })
  })
  onBeforeUnmount(() => {
    for (const type of GESTURES) window.removeEventListener(type, unlock, { capture: true })
    chime.close()
  })
  return chime
}
