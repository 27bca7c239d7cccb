import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import {
  noticeIsWarning,
  noticeTarget,
  noticeText,
  noticeTitle,
  parseNotice,
  parseStoredNotice,
} from './rotation-notice'

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

describe('notices of special prices and changes of a deal', () => {
  const requested = {
    type: 'special_price_requested',
    projectId: 'p1',
    requestId: 's1',
    unit: '1栋-1单元-101',
    priceFen: 247_600_000,
    quoteFen: 250_000_000,
    consultant: { id: 'c1', name: '张伟' },
    at: '2026-03-01T02:00:00.000Z',
  }

  it('tells the director who asks for which unit at what price, against the lowest price, and leads to the approvals', () => {
    const notice = parseNotice(requested)!
    expect(noticeText(notice, t)).toBe('张伟 申请 1栋-1单元-101 特价 ¥2,476,000.00（底价 ¥2,500,000.00）')
    expect(noticeTitle(notice, t)).toBe('特价申请')
    expect(noticeTarget(notice)).toEqual({ to: { name: 'approvals' }, label: 'notice.goApprovals' })
  })

  it('tells the consultant the decision, until when an approval holds, and the director’s note', () => {
    const approved = parseNotice({
      ...requested,
      type: 'special_price_decided',
      approved: true,
      note: null,
      validUntil: '2026-03-04T02:00:00.000Z',
    })!
    expect(noticeText(approved, t, () => '2026-03-04 10:00')).toBe(
      '1栋-1单元-101 的特价 ¥2,476,000.00 已批准，2026-03-04 10:00前可用于认购',
    )
    expect(noticeTarget(approved)?.to).toEqual({ name: 'units' })
    expect(noticeIsWarning(approved)).toBe(false)
    const rejected = parseNotice({
      ...requested,
      type: 'special_price_decided',
      approved: false,
      note: '折扣过大',
      validUntil: null,
    })!
    expect(noticeText(rejected, t)).toBe('1栋-1单元-101 的特价 ¥2,476,000.00 未获批准。意见：折扣过大')
    expect(noticeIsWarning(rejected)).toBe(true)
    expect(noticeTarget(rejected)).toBeNull()
  })

  it('names the change asked for and leads to the deal once decided', () => {
    const change = {
      projectId: 'p1',
      changeId: 'x1',
      dealId: 'd1',
      kind: 'cancel',
      unit: '1栋-1单元-101',
      at: '2026-03-01T02:00:00.000Z',
    }
    const asked = parseNotice({ ...change, type: 'deal_change_requested', by: { id: 'a1', name: '王芳' } })!
    expect(noticeText(asked, t)).toBe('王芳 申请退房：1栋-1单元-101')
    expect(noticeTarget(asked)?.to).toEqual({ name: 'approvals' })
    const decided = parseNotice({ ...change, type: 'deal_change_decided', approved: true, note: '同意' })!
    expect(noticeText(decided, t)).toBe('1栋-1单元-101 的退房申请已批准。意见：同意')
    expect(noticeTarget(decided)?.to).toEqual({ name: 'deal', params: { dealId: 'd1' } })
    expect(noticeTitle(decided, t)).toBe('成交变更审批结果')
  })

  const reminder = {
    type: 'payment_reminder',
    projectId: 'p1',
    dealId: 'd1',
    unit: '1栋-1单元-101',
    customerName: '王先生',
    arrearsFen: 30_000_000,
    note: '本周内',
    by: { id: 'a1', name: '王芳' },
    at: '2026-03-01T02:00:00.000Z',
  }

  it('tells the consultant whom to call for how much, with the office’s note, and leads to the deal', () => {
    const notice = parseNotice(reminder)!
    expect(noticeText(notice, t)).toBe(
      '王芳 提醒你催款：1栋-1单元-101（王先生）欠款 ¥300,000.00。意见：本周内',
    )
    expect(noticeTitle(notice, t)).toBe('催款提醒')
    expect(noticeTarget(notice)).toEqual({
      to: { name: 'deal', params: { dealId: 'd1' } },
      label: 'notice.goDeal',
    })
    expect(noticeIsWarning(notice)).toBe(false)
    expect(noticeText(parseNotice({ ...reminder, note: null })!, t)).toBe(
      '王芳 提醒你催款：1栋-1单元-101（王先生）欠款 ¥300,000.00',
    )
  })

  it('reads in English too', () => {
    i18n.global.locale.value = 'en'
    try {
      expect(noticeText(parseNotice(reminder)!, t)).toBe(
        '王芳 asks you to chase payment: 1栋-1单元-101 (王先生) owes ¥300,000.00. Note: 本周内',
      )
      expect(noticeTitle(parseNotice(reminder)!, t)).toBe('Payment reminder')
      expect(noticeText(parseNotice(requested)!, t)).toBe(
        '张伟 asks for 1栋-1单元-101 at ¥2,476,000.00 (lowest price ¥2,500,000.00)',
      )
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
