import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import { actorWords, eventWords, overrideReason, queueWords, type EventRow } from './reception-log-format'

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
