import { onBeforeUnmount, ref } from 'vue'

/** Phone-width screens get a drawer instead of the side navigation. */
export function useIsMobile(query = '(max-width: 768px)') {
  const media = typeof window !== 'undefined' && 'matchMedia' in window ? window.matchMedia(query) : null
  const isMobile = ref(media?.matches ?? false)
  const update = (event: MediaQueryListEvent) => {
    isMobile.value = event.matches
  }
  media?.addEventListener('change', update)
  onBeforeUnmount(() => media?.removeEventListener('change', update))
  return isMobile
}
