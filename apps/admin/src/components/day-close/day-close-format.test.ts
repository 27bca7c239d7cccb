import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import { countsOfLists, daysBefore, fixLocation, missingTotal, missingWords } from './day-close-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const none = { unfinished: 0, ungraded: 0, unregistered: 0, followUpsDue: 0 }

describe('what a day still lacks', () => {
  it('is said in words, leaving out what is complete', () => {
    expect(missingWords({ ...none, unfinished: 1, followUpsDue: 3 }, t)).toBe('未结束接待 1 · 待跟进 3')
    expect(missingWords(none, t)).toBe('')
    expect(missingWords(null, t)).toBe('')
  })

  it('is counted from the lists the server sends', () => {
    const counts = countsOfLists({ unfinished: [{}], ungraded: [], unregistered: [{}, {}], followUpsDue: [] })
    expect(counts).toEqual({ unfinished: 1, ungraded: 0, unregistered: 2, followUpsDue: 0 })
    expect(missingTotal(counts)).toBe(3)
    expect(missingTotal(null)).toBe(0)
  })

  it('leads each item to where it is put right', () => {
    expect(fixLocation('unfinished', 'c1')).toEqual({ name: 'reception' })
    expect(fixLocation('ungraded', 'c1')).toEqual({ name: 'customerVisit', params: { customerId: 'c1' } })
    expect(fixLocation('unregistered', 'c1')).toEqual({ name: 'customerVisit', params: { customerId: 'c1' } })
    expect(fixLocation('followUpsDue', 'c1')).toEqual({ name: 'customer', params: { customerId: 'c1' } })
  })

  it('counts days back across a month end', () => {
    expect(daysBefore('2026-03-02', 6)).toBe('2026-02-24')
  })
})
