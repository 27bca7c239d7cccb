import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import { noticeText, parseNotice, parseStoredNotice } from './rotation-notice'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

const assigned = {
  type: 'assigned',
  projectId: 'p1',
  receptionId: 'r1',
  reason: 'rotation',
  visitor: { name: '王先生', phone: '138****5678', partySize: 2, channel: '网络', kind: 'visit' },
  at: '2026-03-01T02:00:00.000Z',
}

describe('the new-reception alert', () => {
  it('says who is coming, how many, from which channel, and why it is theirs', () => {
    expect(noticeText(parseNotice(assigned)!, t)).toBe('新接待：王先生（2人，网络）— 轮序')
  })

  it('names a call as a call, a nameless visitor by masked number, and leaves out a missing channel', () => {
    const call = parseNotice({
      ...assigned,
      reason: 'owner',
      visitor: { name: '', phone: '139****0001', partySize: 1, channel: null, kind: 'call' },
    })!
    expect(noticeText(call, t)).toBe('新来电：139****0001（1人）— 老客户')
  })

  it('tells the owner who received their customer on their behalf', () => {
    const onBehalf = parseNotice({
      ...assigned,
      type: 'on_behalf',
      reason: 'on_behalf',
      standIn: { id: 'c2', name: '李娜' },
    })!
    expect(noticeText(onBehalf, t)).toBe('李娜 代你接待了你的客户 王先生')
  })

  it('tells managers which visitor needs reassigning after a consultant was signed out, and why', () => {
    const notice = parseNotice({
      ...assigned,
      type: 'needs_reassign',
      reason: '家中急事',
      consultant: { id: 'c1', name: '张伟' },
    })!
    expect(noticeText(notice, t)).toBe(
      '张伟 已签退（家中急事），其正在接待的 王先生（2人，网络） 需要改派给其他顾问。',
    )
  })

  it('gives the appeal’s answer, and says when the next turn was granted', () => {
    const accepted = parseNotice({
      type: 'appeal_answered',
      appealId: 'a1',
      accepted: true,
      answer: '情况属实',
      grantedTurn: true,
    })!
    expect(noticeText(accepted, t)).toBe('你的申诉已被采纳：情况属实（已补给你下一轮次）')
    const rejected = parseNotice({
      type: 'appeal_answered',
      appealId: 'a2',
      accepted: false,
      answer: '按规则分配',
      grantedTurn: false,
    })!
    expect(noticeText(rejected, t)).toBe('你的申诉未被采纳：按规则分配')
  })

  it('reads in English when the person chose English', () => {
    i18n.global.locale.value = 'en'
    try {
      expect(noticeText(parseNotice(assigned)!, t)).toBe(
        'New reception: 王先生 (party of 2, 网络) — Rotation',
      )
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})

describe('notices from the server', () => {
  it('skips a notice of a kind this app does not know rather than showing it half-read', () => {
    expect(parseNotice({ type: 'something_new', at: 'x' })).toBeNull()
    expect(parseNotice({ ...assigned, visitor: { name: '王先生' } })).toBeNull()
    expect(parseNotice(null)).toBeNull()
  })

  it('reads a stored notice, whose type sits beside its payload and whose time may be the row’s', () => {
    const { type, ...payload } = assigned
    expect(parseStoredNotice({ type, payload, createdAt: '2026-03-01T02:00:01.000Z' })).toEqual(assigned)
    const answered = parseStoredNotice({
      type: 'appeal_answered',
      payload: { appealId: 'a1', accepted: false, answer: '不予采纳', grantedTurn: false },
      createdAt: '2026-03-01T05:00:00.000Z',
    })
    expect(answered).toMatchObject({ type: 'appeal_answered', at: '2026-03-01T05:00:00.000Z' })
  })
})
