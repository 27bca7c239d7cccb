import { onBeforeUnmount, ref } from 'vue'

/** This device's clock, ticking every second while the component is mounted: for running timers. */
export function useNow(intervalMs = 1000) {
  const now = ref(Date.now())
  const timer = window.setInterval(() => {
    now.value = Date.now()
  }, intervalMs)
  onBeforeUnmount(() => window.clearInterval(timer))
  return now
}
