import type { HTMLAttributes } from 'vue'

/**
 * A `data-testid` for props typed as HTMLAttributes (menu options, table rows): Vue's type lists no
 * data-* attributes outside templates, though they render like any other.
 */
export function testId(id: string): HTMLAttributes {
  return { 'data-testid': id } as unknown as HTMLAttributes
}
