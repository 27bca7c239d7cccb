import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PricePolicy, quotePrice, type PricePolicy as Policy, type QuotedUnit } from './price-policy'

/** 3 000 000.00 元 for 98.50 m² on the 18th floor, facing south. */
const UNIT: QuotedUnit = {
  listPriceFen: 300_000_000,
  areaCentiM2: 9_850,
  floor: 18,
  product: 'residential',
  orientation: '南',
}

const POLICY: Policy = {
  order: ['surcharge', 'discount', 'reduction'],
  rules: [
    { kind: 'surcharge', label: '楼层加价', basisPoints: 150, when: { floors: { from: 15, to: 30 } } },
    { kind: 'surcharge', label: '南向加价', perM2Fen: 20_000, when: { orientations: ['南'] } },
    {
      kind: 'discount',
      label: '一次性付款 98 折',
      keepBasisPoints: 9_800,
      when: { paymentMethods: ['full'] },
    },
    {
      kind: 'discount',
      label: '开盘优惠 99 折',
      keepBasisPoints: 9_900,
      when: { from: '2026-03-01', to: '2026-03-31' },
    },
    { kind: 'reduction', label: '老带新立减', amountFen: 2_000_000 },
    { kind: 'surcharge', label: '商铺加价', basisPoints: 500, when: { products: ['commercial'] } },
  ],
}

describe('quotePrice', () => {
  it('works a hand-computed quote step by step and rounds once, to the yuan, half up', () => {
    // 3 000 000 × 1.015 = 3 045 000; + 200 × 98.5 = 3 064 700; × 0.98 = 3 003 406; × 0.99 =
    // 2 973 371.94; − 20 000 = 2 953 371.94 → 2 953 372 元.
    const quote = quotePrice(POLICY, UNIT, { paymentMethod: 'full', on: '2026-03-02' })
    expect(quote.steps).toEqual([
      { label: '表价', kind: 'list', priceFen: 300_000_000 },
      { label: '楼层加价', kind: 'surcharge', priceFen: 304_500_000 },
      { label: '南向加价', kind: 'surcharge', priceFen: 306_470_000 },
      { label: '一次性付款 98 折', kind: 'discount', priceFen: 300_340_600 },
      { label: '开盘优惠 99 折', kind: 'discount', priceFen: 297_337_194 },
      { label: '老带新立减', kind: 'reduction', priceFen: 295_337_194 },
      { label: '取整到元', kind: 'rounding', priceFen: 295_337_200 },
    ])
    expect(quote).toMatchObject({ listPriceFen: 300_000_000, priceFen: 295_337_200 })
  })

  it('applies only the rules that hold for the payment method, the day, the floor, the orientation and the product', () => {
    const mortgageLater = quotePrice(POLICY, UNIT, { paymentMethod: 'mortgage', on: '2026-04-01' })
    expect(mortgageLater.steps.map((s) => s.label)).toEqual([
      '表价',
      '楼层加价',
      '南向加价',
      '老带新立减',
      '取整到元',
    ])
    expect(mortgageLater.priceFen).toBe(304_470_000)
    const lowNorthShop = quotePrice(
      POLICY,
      { ...UNIT, floor: 2, orientation: '北', product: 'commercial' },
      { paymentMethod: 'mortgage', on: '2026-03-31' },
    )
    expect(lowNorthShop.steps.map((s) => s.label)).toEqual([
      '表价',
      '商铺加价',
      '开盘优惠 99 折',
      '老带新立减',
      '取整到元',
    ])
  })

  it('the order is the policy’s: premiums, 折 and 立减 in another order give another price', () => {
    const rules: Policy['rules'] = [
      { kind: 'surcharge', label: '加价', basisPoints: 1_000 },
      { kind: 'discount', label: '9 折', keepBasisPoints: 9_000 },
      { kind: 'reduction', label: '立减', amountFen: 10_000 },
    ]
    const unit = { ...UNIT, listPriceFen: 1_000_000 }
    const terms = { paymentMethod: 'full' as const, on: '2026-03-02' }
    expect(quotePrice({ order: ['surcharge', 'discount', 'reduction'], rules }, unit, terms).priceFen).toBe(
      980_000,
    )
    expect(quotePrice({ order: ['reduction', 'discount', 'surcharge'], rules }, unit, terms).priceFen).toBe(
      980_100,
    )
  })

  it('rounds half a yuan up and less than half down, and never below nothing', () => {
    const none: Policy = { order: ['surcharge', 'discount', 'reduction'], rules: [] }
    const terms = { paymentMethod: 'full' as const, on: '2026-03-02' }
    expect(quotePrice(none, { ...UNIT, listPriceFen: 100_050 }, terms).priceFen).toBe(100_100)
    expect(quotePrice(none, { ...UNIT, listPriceFen: 100_049 }, terms).priceFen).toBe(100_000)
    const huge: Policy = { ...none, rules: [{ kind: 'reduction', label: '立减', amountFen: 999_999_999 }] }
    expect(quotePrice(huge, UNIT, terms).priceFen).toBe(0)
  })

  it('a discount never raises a price, a surcharge never lowers it, and the price is whole yuan', () => {
    const unit = fc.record({
      listPriceFen: fc.integer({ min: 0, max: 10_000_000_000 }),
      areaCentiM2: fc.integer({ min: 0, max: 10_000_000 }),
      floor: fc.integer({ min: -3, max: 60 }),
      product: fc.constantFrom('residential' as const, 'commercial' as const, 'parking' as const),
    })
    const terms = { paymentMethod: 'full' as const, on: '2026-03-02' }
    const order: Policy['order'] = ['surcharge', 'discount', 'reduction']
    fc.assert(
      fc.property(
        unit,
        fc.integer({ min: 5_000, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (u, keep, bp) => {
          const base = quotePrice({ order, rules: [] }, u, terms).priceFen
          const discounted = quotePrice(
            { order, rules: [{ kind: 'discount', label: '折', keepBasisPoints: keep }] },
            u,
            terms,
          )
          const raised = quotePrice(
            { order, rules: [{ kind: 'surcharge', label: '加', basisPoints: bp }] },
            u,
            terms,
          )
          expect(discounted.priceFen).toBeLessThanOrEqual(base)
          expect(raised.priceFen).toBeGreaterThanOrEqual(base)
          expect(discounted.priceFen % 100).toBe(0)
        },
      ),
    )
  })

  it('refuses a policy whose order names a kind twice', () => {
    expect(PricePolicy.safeParse({ order: ['discount', 'discount', 'reduction'], rules: [] }).success).toBe(
      false,
    )
    expect(PricePolicy.safeParse(POLICY).success).toBe(true)
  })
})
