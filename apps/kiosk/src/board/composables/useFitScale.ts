import { computed, ref, type Ref } from 'vue'
import { useResizeObserver } from '@vueuse/core'

/**
 * The scale at which `content`, laid out at its natural size, fits inside `area`: below 1 for a
 * building too big for the wall, up to `max` for a small one, so its cells read from further away.
 * A transform leaves the layout size alone, which is why the natural size can be measured under it.
 */
export function useFitScale(area: Ref<HTMLElement | null>, content: Ref<HTMLElement | null>, max = 1.5) {
  const areaSize = ref({ width: 0, height: 0 })
  const contentSize = ref({ width: 0, height: 0 })
  const measure = (target: Ref<{ width: number; height: number }>, element: HTMLElement | null) => {
    if (element) target.value = { width: element.clientWidth, height: element.clientHeight }
  }
  useResizeObserver(area, () => measure(areaSize, area.value))
  useResizeObserver(content, () => measure(contentSize, content.value))

  const scale = computed(() => {
    const { width, height } = contentSize.value
    if (!width || !height || !areaSize.value.width || !areaSize.value.height) return 1
    return Math.min(max, areaSize.value.width / width, areaSize.value.height / height)
  })
  /** The space to fill and how far the grid may grow; a 1080p wall's below its title until measured. */
  const wall = computed(() => ({
    width: areaSize.value.width || 1830,
    height: areaSize.value.height || 930,
    maxScale: max,
  }))
  return { scale, wall }
}
