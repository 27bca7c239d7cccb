import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import {
  actorWords,
  blockedWords,
  eventWords,
  overrideReason,
  queueWords,
  type EventRow,
} from './reception-log-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

function event(type: string, summary: Record<string, unknown> = {}, reason: string | null = null): EventRow {
  return { type, summary, reason, consultantName: null, actor: { type: 'user', name: '吴敏' } }
}

describe('rotation events in words', () => {
  it('say what happened as the office would write it', () => {
    expect(eventWords(event('signIn'), t)).toBe('签到')
    expect(eventWords(event('break', { reason: 'lunch' }, 'lunch'), t)).toBe('暂离（午餐）')
    expect(eventWords(event('break', { reason: null }), t)).toBe('暂离')
    expect(eventWords(event('move', { toPosition: 2 }, '张伟临时有事'), t)).toBe('调整到第 2 位')
    expect(eventWords(event('finish', { result: 'valid', grade: 'B' }), t)).toBe('结束接待：有效 B')
    expect(eventWords(event('finish', { result: 'invalid', grade: null }), t)).toBe('结束接待：无效')
    expect(eventWords(event('checkIn', { kind: 'call', phone: '139****0001', partySize: 1 }), t)).toBe(
      '来电登记 139****0001',
    )
    expect(eventWords(event('checkIn', { kind: 'visit', phone: '138****5678', partySize: 3 }), t)).toBe(
      '来访登记 138****5678 3人',
    )
    expect(eventWords(event('missedTurn'), t)).toBe('记漏接')
  })

  it('say when a consultant takes turns again after their overdue follow-ups were brought up to date', () => {
    expect(eventWords({ ...event('cleared', { consultantId: 'u1' }), consultantName: '张伟' }, t)).toBe(
      '张伟的逾期跟进已补齐，恢复参与轮序',
    )
    expect(eventWords(event('cleared', { consultantId: null }), t)).toBe('不再暂停逾期顾问，恢复轮序')
  })

  it('name who was kept out of the rotation at that moment', () => {
    expect(
      eventWords(
        event('checkIn', { kind: 'visit', phone: '138****5678', partySize: 1, blocked: ['张伟', '李娜'] }),
        t,
      ),
    ).toBe('来访登记 138****5678（因逾期跟进暂停轮序：张伟、李娜）')
    expect(blockedWords(event('signIn', { blocked: [] }), t)).toBe('')
    expect(blockedWords(event('signIn'), t)).toBe('')
    const en = (key: string, params?: Record<string, unknown>) =>
      i18n.global.t(key, params ?? {}, { locale: 'en' })
    expect(eventWords({ ...event('cleared', {}), consultantName: 'Zhang Wei' }, en)).toBe(
      'Zhang Wei’s overdue follow-ups are done: back in the rotation',
    )
    expect(blockedWords(event('signIn', { blocked: ['张伟', '李娜'] }), en)).toBe(
      ' (kept out for overdue follow-ups: 张伟, 李娜)',
    )
  })

  it('show a manager’s written reason, but not a break’s kind as if it were one', () => {
    expect(overrideReason(event('move', {}, '张伟临时有事'))).toBe('张伟临时有事')
    expect(overrideReason(event('undo', {}, '分错了'))).toBe('分错了')
    expect(overrideReason(event('break', {}, 'lunch'))).toBe('')
  })

  it('name who acted: a person, a kiosk, or the system', () => {
    expect(actorWords({ type: 'user', name: '吴敏' }, t)).toBe('吴敏')
    expect(actorWords({ type: 'device', name: null }, t)).toBe('自助机')
    expect(actorWords(null, t)).toBe('系统')
  })

  it('write the queue as it stood, numbered in order', () => {
    expect(queueWords([{ name: '张伟' }, { name: '李娜' }, { name: '王芳' }])).toBe(
      '1. 张伟  2. 李娜  3. 王芳',
    )
  })
})
