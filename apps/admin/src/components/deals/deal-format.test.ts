import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type PriceRule } from '@anchang/shared'
import { i18n } from '../../locales'
import {
  changeDetailsText,
  changeKindsFor,
  creditText,
  dealStatusTag,
  defaultSignBy,
  draftFromPlan,
  planWords,
  plansFor,
  priceRuleWords,
  scheduleInput,
  undoableChange,
} from './deal-format'
import { parseYuan, scheduleBalance } from './money-format'

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
const plans = DEFAULT_SETTINGS.sales.paymentPlans

describe('signing from a template', () => {
  const deal = { priceFen: 250_000_000, depositFen: 5_000_000, subscribedOn: '2026-03-01' }

  it('offers the templates of the deal’s payment method only', () => {
    expect(plansFor(plans, 'mortgage').map((p) => p.name)).toEqual(['按揭（首付三成）'])
    expect(plansFor(plans, 'full')).toHaveLength(1)
  })

  it('fills the rows from the template, due from the subscription, adding up to the price to the fen', () => {
    const rows = draftFromPlan(plansFor(plans, 'mortgage')[0]!, deal)
    expect(rows.map((r) => r.dueOn)).toContain('2026-03-08')
    const balance = scheduleBalance(
      rows.map((r) => ({ amountFen: parseYuan(r.amount) })),
      deal.priceFen,
    )
    expect(balance).toMatchObject({ sumFen: deal.priceFen, diffFen: 0, complete: true })
  })

  it('sends the rows as the server takes them, and nothing while a row lacks its date or amount', () => {
    expect(
      scheduleInput([
        { label: ' 首付款 ', dueOn: '2026-03-08', amount: '750000' },
        { label: '', dueOn: '2026-05-01', amount: '1750000.5' },
      ]),
    ).toEqual([
      { label: '首付款', dueOn: '2026-03-08', amountFen: 75_000_000 },
      { dueOn: '2026-05-01', amountFen: 175_000_050 },
    ])
    expect(scheduleInput([{ label: '', dueOn: null, amount: '1' }])).toBeNull()
    expect(scheduleInput([{ label: '', dueOn: '2026-03-08', amount: '1.234' }])).toBeNull()
  })

  it('offers the signing deadline the project gives', () => {
    expect(defaultSignBy('2026-02-26', 7)).toBe('2026-03-05')
  })
})

describe('the changes of a deal', () => {
  it('offers 挞定 only before signing, and nothing on a closed deal', () => {
    expect(changeKindsFor('subscribed')).toEqual(['cancel', 'forfeit', 'changeUnit', 'rename', 'changePrice'])
    expect(changeKindsFor('signed')).toEqual(['cancel', 'changeUnit', 'rename', 'changePrice'])
    expect(changeKindsFor('cancelled')).toEqual([])
  })

  it('says what a change asks for in words', () => {
    const names = { unit: (id: string) => (id === 'u2' ? '1栋-1单元-102' : null), customer: () => '李四' }
    expect(changeDetailsText({ unitId: 'u2', priceFen: 248_000_000 }, names, t)).toBe(
      '换到 1栋-1单元-102；价格改为 ¥2,480,000.00',
    )
    expect(changeDetailsText({ customerId: 'c9' }, names, t)).toBe('更名为 李四')
    expect(changeDetailsText({ unitId: 'u9' }, names, t)).toBe('换到 另一套房源')
    expect(changeDetailsText({}, names, t)).toBe('')
  })

  it('tags a signed deal as done and a forfeited one as a warning', () => {
    expect(dealStatusTag('signed')).toBe('success')
    expect(dealStatusTag('forfeited')).toBe('warning')
  })
})

describe('the price policy as the settings page shows it', () => {
  it('says each rule’s effect and when it holds', () => {
    const rules: PriceRule[] = [
      { kind: 'discount', label: '一次性付款', keepBasisPoints: 9_800, when: { paymentMethods: ['full'] } },
      { kind: 'surcharge', label: '楼层差价', basisPoints: 150, when: { floors: { from: 10, to: 20 } } },
      {
        kind: 'reduction',
        label: '开盘立减',
        amountFen: 1_000_000,
        when: { from: '2026-03-01', to: '2026-03-31' },
      },
      { kind: 'reduction', label: '面积优惠', perM2Fen: 10_000 },
    ]
    expect(rules.map((r) => priceRuleWords(r, t))).toEqual([
      '折扣「一次性付款」：按 98.00% 计（适用：一次性付款）',
      '加价「楼层差价」：+1.50%（适用：10–20 层）',
      '立减「开盘立减」：−¥10,000.00（适用：2026-03-01 至 2026-03-31）',
      '立减「面积优惠」：每平方米 −¥100.00',
    ])
  })

  it('says each plan’s rows', () => {
    expect(planWords(plansFor(plans, 'mortgage')[0]!, t)).toBe(
      '首付款 30%（含定金），认购后 7 天；按揭贷款 70%，认购后 60 天',
    )
  })
})

describe('who the sale counts for', () => {
  it('writes each share with its name, the deal’s consultant first', () => {
    expect(
      creditText([
        { name: '张伟', percent: 50 },
        { name: '李娜', percent: 50 },
      ]),
    ).toBe('张伟 50% · 李娜 50%')
    expect(creditText([{ name: '张伟', percent: 100 }])).toBe('张伟 100%')
  })
})

describe('undoing a change', () => {
  const change = (
    changeId: string,
    kind: 'cancel' | 'changePrice' | 'undo',
    status: string,
    decidedAt: string | null,
  ) => ({
    changeId,
    kind,
    status,
    decidedAt,
  })

  it('offers the latest approved change that is not an undo itself', () => {
    expect(
      undoableChange([
        change('c4', 'cancel', 'pending', null),
        change('c3', 'undo', 'approved', '2026-03-05T02:00:00.000Z'),
        change('c2', 'changePrice', 'approved', '2026-03-03T02:00:00.000Z'),
        change('c1', 'cancel', 'undone', '2026-03-02T02:00:00.000Z'),
      ])?.changeId,
    ).toBe('c2')
  })

  it('offers nothing when no change was approved', () => {
    expect(undoableChange([change('c1', 'cancel', 'rejected', '2026-03-02T02:00:00.000Z')])).toBeNull()
    expect(undoableChange([])).toBeNull()
  })
})
