import { computed, onBeforeUnmount, ref } from 'vue'

/** `9:05` for 545 s left; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

/** Time left until a deadline on this device's clock, ticking each second. */
export function useCountdown() {
  const deadline = ref<number | null>(null)
  const now = ref(Date.now())
  let timer: number | undefined

  function stop() {
    if (timer !== undefined) window.clearInterval(timer)
    timer = undefined
  }

  function start(ms: number) {
    stop()
    now.value = Date.now()
    deadline.value = now.value + ms
    timer = window.setInterval(() => {
      now.value = Date.now()
      if (deadline.value !== null && now.value >= deadline.value) stop()
    }, 1000)
  }

  const remaining = computed(() => (deadline.value === null ? 0 : Math.max(0, deadline.value - now.value)))
  const expired = computed(() => deadline.value !== null && remaining.value <= 0)
  const label = computed(() => formatCountdown(remaining.value))

  onBeforeUnmount(stop)
  return { start, stop, remaining, expired, label }
}
