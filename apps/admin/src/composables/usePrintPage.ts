import { onBeforeUnmount, onMounted } from 'vue'

/**
 * The paper a page prints on (`A4 landscape`), for as long as the page is open. A component's
 * `@page` rule would stay in the document after leaving it (Vue keeps loaded styles), and named
 * pages do not reach through the layout's flex containers; a style element of our own goes with us.
 */
export function usePrintPage(size: string, margin = '10mm') {
  let style: HTMLStyleElement | null = null
  onMounted(() => {
    style = document.createElement('style')
    style.dataset.printPage = size
    style.textContent = `@page { size: ${size}; margin: ${margin}; }`
    document.head.appendChild(style)
  })
  onBeforeUnmount(() => {
    style?.remove()
    style = null
  })
}
