import { describe, expect, it } from 'vitest'
import { BREAK_REASONS, BREAK_REASON_LABELS } from '@anchang/shared/break-reasons'
import en from './en'
import { LOCALE_STORAGE_KEY, storeLocale, storedLocale } from './index'
import zhCN from './zh-CN'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  }
}

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('language choice', () => {
  it('is Chinese for someone who never chose', () => {
    expect(storedLocale(memoryStorage())).toBe('zh-CN')
    expect(storedLocale(undefined)).toBe('zh-CN')
  })

  it('stays English after a reload once English was chosen', () => {
    const storage = memoryStorage()
    storeLocale(storage, 'en')
    expect(storage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(storedLocale(storage)).toBe('en')
  })

  it('falls back to Chinese when the stored value is not a language we have', () => {
    const storage = memoryStorage()
    storage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(storedLocale(storage)).toBe('zh-CN')
  })

  it('still works when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => storeLocale(refusing, 'en')).not.toThrow()
    expect(storedLocale(refusing)).toBe('zh-CN')
  })
})

describe('translations', () => {
  it('has every Chinese text in English too, and none left empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort())
    const empty = keysOf(en).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)
      return value === ''
    })
    expect(empty).toEqual([])
  })

  it('names the roles the way a Chinese sales office does', () => {
    expect(zhCN.roles).toEqual({
      director: '销售总监',
      manager: '销售经理',
      assistant: '销售助理',
      consultant: '置业顾问',
      channel: '渠道',
    })
  })
})

describe('break reasons', () => {
  it('are worded as the server and the kiosk word them (one label set, in @anchang/shared)', () => {
    for (const reason of BREAK_REASONS) {
      expect(zhCN.breakReasons[reason]).toBe(BREAK_REASON_LABELS[reason]['zh-CN'])
      expect(en.breakReasons[reason]).toBe(BREAK_REASON_LABELS[reason].en)
    }
  })
})
