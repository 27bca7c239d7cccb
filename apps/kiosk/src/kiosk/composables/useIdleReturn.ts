import { useIdle } from '@vueuse/core'
import { onScopeDispose, shallowReactive, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useRouter } from 'vue-router'

/** A kiosk left alone this long goes back to its welcome screen for the next visitor. */
export const IDLE_RETURN_MS = 20_000

/** Anything a person does at the screen. */
const ACTIVITY: WindowEventName[] = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']
type WindowEventName = keyof WindowEventMap

export interface IdleReturnOptions {
  /** What to do when nobody has touched the screen for `after` ms; by default, go to the welcome screen. */
  onIdle?: () => void
  after?: number
  /** Counts only while true, e.g. not on the welcome screen itself. */
  enabled?: MaybeRefOrGetter<boolean>
}

/**
 * Returns an abandoned kiosk to its start, so one visitor's half-typed phone number is never the
 * next visitor's screen. Every touch or key press restarts the countdown; it fires once, and if the
 * screen stays where it is, the next touch starts a new one.
 */
export function useIdleReturn(options: IdleReturnOptions = {}) {
  const after = options.after ?? IDLE_RETURN_MS
  const router = options.onIdle ? null : useRouter()
  const onIdle = options.onIdle ?? (() => void router?.replace({ name: 'welcome' }))
  const enabled = () => toValue(options.enabled ?? true)
  const { idle, reset } = useIdle(after, { events: ACTIVITY, listenForVisibilityChange: false })
  // Enabling starts a fresh countdown: time spent where it did not count is not held against anyone.
  watch(enabled, (on) => on && reset())
  watch(idle, (isIdle) => {
    if (isIdle && enabled()) onIdle()
  })
  return { restart: reset }
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
