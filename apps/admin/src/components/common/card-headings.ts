import { isVNode, type VNode } from 'vue'
import { NCard } from 'naive-ui'

type Render = (this: unknown, ...args: unknown[]) => VNode

/**
 * Naive UI draws a card's title bar (NCard's, and every `preset="card"` NModal's, which is the same
 * component) as `role="heading"` twice, one inside the other, and neither with a level: axe reads
 * that as a critical error, and a screen reader announces the close button as part of the title.
 * The outer bar becomes a plain box and the title itself a level-2 heading (pages have their h1),
 * as Naive UI already does for its drawer. Done once, on the component's render, so every card and
 * dialog of the app gets it without each call site remembering.
 */
export function levelCardHeadings(card: object = NCard): void {
  const component = card as { render?: Render; headingsLevelled?: boolean }
  const render = component.render
  // A Naive UI that no longer renders through `render` needs another fix; the test says so.
  if (!render || component.headingsLevelled) return
  component.render = function (this: unknown, ...args: unknown[]) {
    const vnode = render.apply(this, args)
    levelHeadings(vnode)
    return vnode
  }
  component.headingsLevelled = true
}

function levelHeadings(vnode: VNode): void {
  const children = Array.isArray(vnode.children) ? vnode.children.filter(isVNode) : []
  for (const child of children) levelHeadings(child)
  const props = vnode.props
  if (props?.role !== 'heading' || props['aria-level'] !== undefined) return
  if (children.some((c) => c.props?.role === 'heading')) props.role = 'none'
  else props['aria-level'] = 2
}
