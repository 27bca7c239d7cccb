import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import {
  activityHeadline,
  addDays,
  daysBetween,
  followUpNote,
  followUpTagType,
  followUpWords,
  happenedAtIso,
  phoneChanges,
  protectionDaysLeft,
  telHref,
} from './customer-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const nobody = () => null

describe('dates of the customer book', () => {
  it('counts whole days between project dates, across a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0)
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07')
  })

  it('says how many days of protection are left, a part day counting as one, none once ended', () => {
    const now = Date.parse('2026-03-01T10:00:00+08:00')
    expect(protectionDaysLeft('2026-03-31T10:00:00+08:00', now)).toBe(30)
    expect(protectionDaysLeft('2026-03-01T11:00:00+08:00', now)).toBe(1)
    expect(protectionDaysLeft('2026-02-28T10:00:00+08:00', now)).toBe(0)
    expect(protectionDaysLeft(null, now)).toBeNull()
  })
})

describe('tap to call', () => {
  it('dials a number shown in full, never a masked or erased one', () => {
    expect(telHref('13812345678')).toBe('tel:13812345678')
    expect(telHref('+86 138 1234 5678')).toBe('tel:+8613812345678')
    expect(telHref('138****5678')).toBeNull()
    expect(telHref('—')).toBeNull()
    expect(telHref(null)).toBeNull()
  })
})

describe('follow-ups in a list', () => {
  it('says due today, how many days overdue, or the day it is due', () => {
    expect(followUpWords({ followUpState: 'due', followUpDueOn: '2026-03-02' }, '2026-03-02', t)).toBe(
      '今日待跟进',
    )
    expect(followUpWords({ followUpState: 'overdue', followUpDueOn: '2026-02-27' }, '2026-03-02', t)).toBe(
      '逾期 3 天',
    )
    expect(followUpWords({ followUpState: 'upcoming', followUpDueOn: '2026-03-05' }, '2026-03-02', t)).toBe(
      '03-05 跟进',
    )
    expect(followUpWords({ followUpState: 'none', followUpDueOn: null }, '2026-03-02', t)).toBe('')
  })

  it('marks overdue red and due today amber', () => {
    expect(followUpTagType('overdue')).toBe('error')
    expect(followUpTagType('due')).toBe('warning')
    expect(followUpTagType('upcoming')).toBe('default')
  })
})

describe('logging a follow-up', () => {
  it('writes the quick notes tapped, then what was typed, as one note', () => {
    expect(followUpNote(['客户有意向', '约了到访看房'], ' 周六上午 ')).toBe(
      '客户有意向；约了到访看房；周六上午',
    )
    expect(followUpNote(['未接通'], '')).toBe('未接通')
    expect(followUpNote([], '   ')).toBe('')
  })

  it('happened now unless a time was chosen, and never later than now', () => {
    const now = Date.parse('2026-03-02T10:00:00.000Z')
    expect(happenedAtIso(null, now)).toBe('2026-03-02T10:00:00.000Z')
    expect(happenedAtIso(Date.parse('2026-03-01T09:30:00.000Z'), now)).toBe('2026-03-01T09:30:00.000Z')
    expect(happenedAtIso(Date.parse('2026-03-02T10:20:00.000Z'), now)).toBe('2026-03-02T10:00:00.000Z')
  })
})

describe('the timeline in words', () => {
  const entry = (
    type: string,
    method: string | null = null,
    payload: Record<string, unknown> | null = null,
  ) => ({
    type,
    method,
    payload,
  })

  it('names a follow-up by how it reached the customer', () => {
    expect(activityHeadline(entry('follow_up', 'wechat'), t, nobody)).toBe('跟进 · 微信')
    expect(activityHeadline(entry('follow_up'), t, nobody)).toBe('跟进')
    expect(activityHeadline(entry('visit'), t, nobody)).toBe('来访')
    expect(activityHeadline(entry('call'), t, nobody)).toBe('来电')
  })

  it('names who a customer was given to, when the reader knows them', () => {
    const names = (id: string) => (id === 'u2' ? '李娜' : null)
    expect(activityHeadline(entry('ownership', null, { change: 'assigned', to: 'u2' }), t, names)).toBe(
      '分配给 李娜',
    )
    expect(activityHeadline(entry('ownership', null, { change: 'leaving', to: 'u9' }), t, names)).toBe(
      '离职交接',
    )
    expect(activityHeadline(entry('ownership', null, { change: 'claimed', to: 'u2' }), t, names)).toBe('认领')
    expect(activityHeadline(entry('ownership', null, null), t, names)).toBe('归属变更')
  })
})

describe('phoneChanges', () => {
  it('sends only what changed, whatever spaces were typed', () => {
    expect(phoneChanges(['13900139000'], ['139 0013 9000', '137-0013-7000'])).toEqual({
      addPhones: ['13700137000'],
    })
    expect(phoneChanges(['13900139000', '13700137000'], ['13700137000'])).toEqual({
      removePhones: ['13900139000'],
    })
    expect(phoneChanges(['13900139000'], ['13900139000'])).toEqual({})
  })
})
