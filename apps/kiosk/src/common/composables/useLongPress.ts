import { onScopeDispose, ref } from 'vue'

/**
 * A press held for `holdMs` without lifting. Hidden actions (unpairing a kiosk) use it so a
 * passing visitor cannot trigger them with a tap. Lifting, sliding off or the browser cancelling
 * the touch (a scroll, a system gesture) all abort the press.
 */
export function useLongPress(onLongPress: () => void, holdMs: number) {
  const pressing = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  const cancel = () => {
    clearTimeout(timer)
    pressing.value = false
  }
  const start = (event: PointerEvent) => {
    if (event.button !== 0) return
    cancel()
    pressing.value = true
    timer = setTimeout(() => {
      pressing.value = false
      onLongPress()
    }, holdMs)
  }
  onScopeDispose(cancel)

  return {
    pressing,
    handlers: {
      onPointerdown: start,
      onPointerup: cancel,
      onPointerleave: cancel,
      onPointercancel: cancel,
      // A held finger opens the context menu on touch browsers; that menu is not wanted here.
      onContextmenu: (event: Event) => event.preventDefault(),
    },
  }
}
