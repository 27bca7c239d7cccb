import { createI18n } from 'vue-i18n'
import { LOCALES, type Locale } from '@anchang/shared'
import zhCN, { type Messages } from './zh-CN'
import en from './en'

export const LOCALE_STORAGE_KEY = 'anchang.admin.locale'

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The language chosen earlier on this browser; Chinese for everyone who never chose. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : 'zh-CN'
  } catch {
    // Private modes may refuse storage; the default language still works.
    return 'zh-CN'
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not remembered across reloads, but applied now.
  }
}

const browserStorage = typeof localStorage === 'undefined' ? undefined : localStorage

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: storedLocale(browserStorage),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  storeLocale(browserStorage, locale)
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
  }
}
