import { watch } from 'vue'
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN, { type Messages } from './zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
/** Every visitor is greeted in Chinese; English is a choice made on the screen. */
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value)
}

/**
 * One instance shared by the components and the stores: the API client sends its locale as
 * `Accept-Language`, so the server's error sentences arrive in the language on screen.
 */
export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
}

// Screen readers and the browser's font fallback pick Chinese or Latin glyphs by the page's lang.
if (typeof document !== 'undefined') {
  watch(
    () => i18n.global.locale.value,
    (locale) => document.documentElement.setAttribute('lang', locale),
    { immediate: true },
  )
}
