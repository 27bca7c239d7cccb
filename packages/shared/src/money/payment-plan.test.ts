import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_SETTINGS } from '../settings'
import { PaymentPlan, scheduleFromPlan } from './payment-plan'

const plan = (name: string) => DEFAULT_SETTINGS.sales.paymentPlans.find((p) => p.name === name)!

describe('scheduleFromPlan', () => {
  it('counts the deposit towards the down payment and rounds shares to the yuan', () => {
    const rows = scheduleFromPlan(plan('按揭（首付三成）'), {
      priceFen: 2_959_433_00,
      depositFen: 50_000_00,
      subscribedOn: '2026-03-02',
    })
    // 30 % of 2 959 433 is 887 829.9 → 887 830, the deposit of 50 000 inside it; the loan the rest.
    expect(rows).toEqual([
      { label: '首付款', dueOn: '2026-03-09', amountFen: 887_830_00 },
      { label: '按揭贷款', dueOn: '2026-05-01', amountFen: 2_071_603_00 },
    ])
  })

  it('takes fixed dates and amounts, and gives the last row what remains', () => {
    const fixed = PaymentPlan.parse({
      name: '分期',
      paymentMethod: 'instalment',
      rows: [
        { label: '首期', dueOn: '2026-04-01', amountFen: 1_000_000_00 },
        { label: '尾款', afterDays: 365, basisPoints: 1 },
      ],
    })
    const rows = scheduleFromPlan(fixed, {
      priceFen: 3_000_000_00,
      depositFen: 0,
      subscribedOn: '2026-03-02',
    })
    expect(rows).toEqual([
      { label: '首期', dueOn: '2026-04-01', amountFen: 1_000_000_00 },
      { label: '尾款', dueOn: '2027-03-02', amountFen: 2_000_000_00 },
    ])
  })

  it('refuses a row with both or neither of a due rule and an amount rule', () => {
    expect(
      PaymentPlan.safeParse({
        name: 'x',
        paymentMethod: 'full',
        rows: [{ label: '全款', afterDays: 1, dueOn: '2026-03-02', basisPoints: 10_000 }],
      }).success,
    ).toBe(false)
    expect(
      PaymentPlan.safeParse({ name: 'x', paymentMethod: 'full', rows: [{ label: '全款', afterDays: 1 }] })
        .success,
    ).toBe(false)
  })

  it('always sums to the price exactly, whatever the plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000_00 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.record({ bp: fc.integer({ min: 1, max: 10_000 }), deposit: fc.boolean() }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom('yuan' as const, 'fen' as const),
        (priceFen, depositPercent, shares, rounding) => {
          const depositFen = Math.floor((priceFen * depositPercent) / 100)
          const p = PaymentPlan.parse({
            name: 'p',
            paymentMethod: 'instalment',
            rounding,
            rows: shares.map((s, i) => ({
              label: `第${i + 1}期`,
              afterDays: i * 30,
              basisPoints: s.bp,
              depositCounts: s.deposit,
            })),
          })
          const rows = scheduleFromPlan(p, { priceFen, depositFen, subscribedOn: '2026-03-02' })
          expect(rows.reduce((t, r) => t + r.amountFen, 0)).toBe(priceFen)
          expect(rows.every((r) => r.amountFen >= 0 && Number.isInteger(r.amountFen))).toBe(true)
        },
      ),
    )
  })
})
