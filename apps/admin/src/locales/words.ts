import type { Locale, LocalText } from '@anchang/shared'

/** A set of the shared labels (`UNIT_STATUS_LABELS`, …) in one language, as a locale's subtree. */
export function wordsIn<K extends string>(labels: Record<K, LocalText>, locale: Locale): Record<K, string> {
  return Object.fromEntries(
    Object.entries<LocalText>(labels).map(([key, text]) => [key, text[locale]]),
  ) as Record<K, string>
}
