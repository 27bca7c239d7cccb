import { describe, expect, it } from 'vitest'
import { i18n } from '../../locales'
import { personalDataSheets, personalFileName, type PersonalData } from './personal-data-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

const data: PersonalData = {
  exportedAt: '2026-03-01T06:05:00.000Z',
  customer: {
    id: 'c1',
    name: '王建国',
    surname: '王',
    title: '先生',
    fullName: '王建国',
    phones: ['13812345678', '13912345678'],
    grade: 'B',
    channel: '网络',
    ownerId: 'u1',
    protectionEndsAt: '2026-03-31T06:05:00.000Z',
    lastContactAt: '2026-03-01T06:05:00.000Z',
    nextFollowUpOn: '2026-03-05',
    tags: [],
    notes: '看过 3 号楼',
    createdAt: '2026-02-20T02:00:00.000Z',
    erasedAt: null,
  },
  checkIns: [
    {
      at: '2026-02-20T02:00:00.000Z',
      kind: 'visit',
      surname: '王',
      title: '先生',
      partySize: 2,
      channel: '网络',
      consentVersion: 'v1',
    },
  ],
  receptions: [
    { at: '2026-02-20T02:01:00.000Z', consultantId: 'u1', result: 'valid', grade: 'B', note: null },
  ],
  activities: [
    {
      type: 'questionnaire',
      happenedAt: '2026-02-20T03:00:00.000Z',
      enteredAt: '2026-02-20T03:00:00.000Z',
      consultantId: 'u1',
      method: null,
      grade: 'B',
      note: null,
      answers: { sex: 'male', company: 'family' },
    },
    {
      type: 'follow_up',
      happenedAt: '2026-03-01T06:05:00.000Z',
      enteredAt: '2026-03-01T06:05:00.000Z',
      consultantId: 'gone',
      method: 'wechat',
      grade: null,
      note: '已发户型',
      answers: null,
    },
  ],
  channelReports: [],
  surveys: [
    {
      title: '购房意向调查',
      at: '2026-02-21T02:00:00.000Z',
      answers: [1, [0, 2], 4, null],
      worded: [
        { question: '购房用途', answer: '改善' },
        { question: '关注点', answer: '地段、学区' },
        { question: '满意度', answer: '4' },
        { question: '其他建议', answer: '' },
      ],
    },
  ],
  conflicts: [{ at: '2026-02-22T02:00:00.000Z', status: 'open' }],
}

const sheets = personalDataSheets(data, {
  t,
  locale: 'zh-CN',
  dateTime: (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') : ''),
  nameOf: (id) => (id === 'u1' ? '张伟' : (id ?? '')),
})

describe('the personal data file', () => {
  it('has one sheet per section, in the reader’s language', () => {
    expect(sheets.map((s) => s.title)).toEqual([
      '客户资料',
      '到访记录',
      '接待记录',
      '跟进与登记',
      '渠道报备',
      '问卷',
      '撞单',
    ])
  })

  it('lists every number and note held, and the owner by name', () => {
    const customer = Object.fromEntries(sheets[0]!.body.map(([k, v]) => [k, v]))
    expect(customer['手机号']).toBe('13812345678、13912345678')
    expect(customer['备注']).toBe('看过 3 号楼')
    expect(customer['归属顾问']).toBe('张伟')
  })

  it('writes what the visitor said in words, and survey answers by question', () => {
    expect(sheets[3]!.body[0]).toContain('性别：男；同行人：家人')
    expect(sheets[3]!.body[1]).toEqual([
      '跟进',
      '2026-03-01 06:05',
      '2026-03-01 06:05',
      'gone',
      '微信',
      '',
      '已发户型',
      '',
    ])
    expect(sheets[5]!.body[0]).toEqual([
      '购房意向调查',
      '2026-02-21 02:00',
      '1. 购房用途：改善  2. 关注点：地段、学区  3. 满意度：4  4. 其他建议：—',
    ])
  })

  it('is named for what it is, whose, and when', () => {
    expect(personalFileName('个人信息', '王 建国', '20260301-1405', 'json')).toBe(
      '个人信息-王-建国-20260301-1405.json',
    )
  })
})
