import { onScopeDispose, shallowRef } from 'vue'

/** The current time, ticking on the second boundary so a clock never shows a stale second. */
export function useNow() {
  const now = shallowRef(new Date())
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    now.value = new Date()
    timer = setTimeout(tick, 1000 - (now.value.getTime() % 1000))
  }
  timer = setTimeout(tick, 1000 - (now.value.getTime() % 1000))
  onScopeDispose(() => clearTimeout(timer))
  return now
}
