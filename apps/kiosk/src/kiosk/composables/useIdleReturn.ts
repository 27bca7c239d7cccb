import { onScopeDispose, shallowReactive, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useRouter } from 'vue-router'

/** A kiosk left alone this long goes back to its welcome screen for the next visitor. */
export const IDLE_RETURN_MS = 20_000

/** Anything a person does at the screen. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

export interface IdleReturnOptions {
  /** What to do when nobody has touched the screen for `after` ms; by default, go to the welcome screen. */
  onIdle?: () => void
  after?: number
  /** Counts only while true, e.g. not on the welcome screen itself. */
  enabled?: MaybeRefOrGetter<boolean>
}

/**
 * Returns an abandoned kiosk to its start, so one visitor's half-typed phone number is never the
 * next visitor's screen. Every touch or key press restarts the countdown.
 */
export function useIdleReturn(options: IdleReturnOptions = {}) {
  const after = options.after ?? IDLE_RETURN_MS
  const router = options.onIdle ? null : useRouter()
  const onIdle = options.onIdle ?? (() => void router?.replace({ name: 'welcome' }))
  let timer: ReturnType<typeof setTimeout> | undefined
  let listening = false

  const restart = () => {
    clearTimeout(timer)
    // Fires once; if the screen stays where it is, the next touch starts a new countdown.
    timer = setTimeout(onIdle, after)
  }
  const start = () => {
    if (!listening) {
      // Captured, so a component that stops a touch from bubbling still counts as activity.
      for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true })
      listening = true
    }
    restart()
  }
  const stop = () => {
    clearTimeout(timer)
    if (!listening) return
    for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true })
    listening = false
  }

  watch(
    () => toValue(options.enabled ?? true),
    (enabled) => (enabled ? start() : stop()),
    { immediate: true },
  )
  onScopeDispose(stop)

  return { restart }
}

/** Screens currently asking the kiosk not to return to welcome when left alone. */
const holds = shallowReactive(new Set<symbol>())

/**
 * While `active` is true, the kiosk stays on the current screen however long nobody touches it:
 * a visitor who pressed "submit" while the network was down is waiting for an answer, and going
 * back to welcome would drop a check-in they believe is on its way.
 */
export function useIdleHold(active: MaybeRefOrGetter<boolean>): void {
  const hold = Symbol('idleHold')
  watch(
    () => toValue(active),
    (on) => (on ? holds.add(hold) : holds.delete(hold)),
    { immediate: true },
  )
  onScopeDispose(() => holds.delete(hold))
}

/** Whether some screen holds the kiosk where it is (see useIdleHold). */
export function isIdleHeld(): boolean {
  return holds.size > 0
}
