import { onScopeDispose, watch } from 'vue'
import { useDeviceStore } from '../stores/device'

/**
 * Keeps a paired screen checking in with the server, and checks at once when the browser says
 * the network is back or the screen wakes up, rather than waiting for the next beat.
 */
export function useDeviceHeartbeat(): void {
  const device = useDeviceStore()
  watch(
    () => device.token,
    (token) => (token ? device.startHeartbeat() : device.stopHeartbeat()),
    { immediate: true },
  )
  const onVisible = () => {
    if (document.visibilityState === 'visible') device.checkNow()
  }
  const onOnline = () => device.checkNow()
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => {
    device.stopHeartbeat()
    window.removeEventListener('online', onOnline)
    document.removeEventListener('visibilitychange', onVisible)
  })
}
