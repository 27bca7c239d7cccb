import { describe, expect, it } from 'vitest'
import { DEFAULT_REPORT_SETTINGS, reportFormulas, type ReportSettings } from './definitions'
import {
  byProduct,
  collectionFigures,
  countedVisits,
  minusByProduct,
  periodRates,
  ratio,
  stockFigures,
  type StockRow,
  type Traffic,
} from './sheet'

// A small day worked out by hand: 3 first-visit parties of 2, 1 and 4 people (7 persons), 2 return
// parties of 1 and 3 (4 persons), from 4 distinct numbers (one came twice); 8 calls.
const traffic: Traffic = {
  calls: 8,
  first: { parties: 3, persons: 7 },
  returning: { parties: 2, persons: 4 },
  visitingCustomers: 4,
}
const settings = (change: Partial<ReportSettings>): ReportSettings => ({
  ...DEFAULT_REPORT_SETTINGS,
  ...change,
})

describe('visits by the project’s definition', () => {
  it('counts first and return parties by default', () => {
    expect(countedVisits(traffic, DEFAULT_REPORT_SETTINGS)).toBe(5)
  })

  it('counts first visits only, or persons, when the project says so', () => {
    expect(countedVisits(traffic, settings({ visitCount: 'first' }))).toBe(3)
    expect(countedVisits(traffic, settings({ visitUnit: 'person' }))).toBe(11)
    expect(countedVisits(traffic, settings({ visitCount: 'first', visitUnit: 'person' }))).toBe(7)
  })
})

describe('the period’s rates', () => {
  const deals = { subscriptions: 3, subscribingCustomers: 2, signingCustomers: 1 }

  it('divides subscribing by visiting customers by default', () => {
    const rates = periodRates(traffic, deals, DEFAULT_REPORT_SETTINGS)
    expect(rates.conversion).toBe(0.5) // 2 ÷ 4
    expect(rates.visitToSigning).toBe(0.25) // 1 ÷ 4
    expect(rates.callToVisit).toBe(0.625) // 5 ÷ 8
  })

  it('divides subscriptions by person-visits under the other definition', () => {
    expect(periodRates(traffic, deals, settings({ conversion: 'personVisits' })).conversion).toBe(3 / 11)
  })

  it('says nothing rather than 0% or Infinity over an empty base', () => {
    const none: Traffic = {
      calls: 0,
      first: { parties: 0, persons: 0 },
      returning: { parties: 0, persons: 0 },
      visitingCustomers: 0,
    }
    expect(periodRates(none, deals, DEFAULT_REPORT_SETTINGS)).toEqual({
      conversion: null,
      visitToSigning: null,
      callToVisit: null,
    })
    expect(ratio(3, 0)).toBeNull()
  })
})

describe('cells per product', () => {
  it('sums rows per product and in total, and shows products nobody bought as zeros', () => {
    const sheet = byProduct([
      { product: 'residential', count: 2, areaCentiM2: 17_850, amountFen: 398_000_000 },
      { product: 'parking', count: 1, areaCentiM2: 1_250, amountFen: 15_000_000 },
      { product: 'residential', count: 1, areaCentiM2: 9_001, amountFen: 201_000_000 },
    ])
    expect(sheet.residential).toEqual({ count: 3, areaCentiM2: 26_851, amountFen: 599_000_000 })
    expect(sheet.commercial).toEqual({ count: 0, areaCentiM2: 0, amountFen: 0 })
    expect(sheet.total).toEqual({ count: 4, areaCentiM2: 28_101, amountFen: 614_000_000 })
  })

  it('nets signings less cancelled signings cell by cell', () => {
    const signed = byProduct([{ product: 'residential', count: 3, areaCentiM2: 30_000, amountFen: 600 }])
    const cancelled = byProduct([{ product: 'residential', count: 1, areaCentiM2: 10_000, amountFen: 250 }])
    expect(minusByProduct(signed, cancelled).residential).toEqual({
      count: 2,
      areaCentiM2: 20_000,
      amountFen: 350,
    })
  })
})

describe('collection', () => {
  it('adds loan and other money, nets refunds and tells this period’s deals from earlier ones', () => {
    expect(collectionFigures({ loanFen: 700, otherFen: 300, refundFen: 150, newDealsFen: 400 })).toEqual({
      loanFen: 700,
      otherFen: 300,
      refundFen: 150,
      newDealsFen: 400,
      inFen: 1_000,
      earlierDealsFen: 600,
      netFen: 850,
    })
  })
})

describe('stock and sell-through', () => {
  // 10 units: 3 available, 1 held, 2 subscribed, 3 signed, 1 withheld.
  const rows: StockRow[] = [
    { product: 'residential', status: 'available', count: 2, areaCentiM2: 20_000, amountFen: 400 },
    { product: 'parking', status: 'available', count: 1, areaCentiM2: 1_200, amountFen: 10 },
    { product: 'residential', status: 'held', count: 1, areaCentiM2: 9_000, amountFen: 180 },
    { product: 'residential', status: 'subscribed', count: 2, areaCentiM2: 19_000, amountFen: 390 },
    { product: 'residential', status: 'signed', count: 3, areaCentiM2: 29_000, amountFen: 600 },
    { product: 'commercial', status: 'withheld', count: 1, areaCentiM2: 5_000, amountFen: 300 },
  ]

  it('counts available and held units as remaining', () => {
    const stock = stockFigures(rows, DEFAULT_REPORT_SETTINGS)
    expect(stock.units).toBe(10)
    expect(stock.remaining.total).toEqual({ count: 4, areaCentiM2: 30_200, amountFen: 590 })
    expect(stock.remaining.commercial.count).toBe(0)
  })

  it('divides by the base the project chose', () => {
    expect(stockFigures(rows, DEFAULT_REPORT_SETTINGS).sellThrough).toBe(0.3) // 3 ÷ 10
    expect(stockFigures(rows, settings({ sellThrough: 'soldOfReleased' })).sellThrough).toBe(3 / 9)
    expect(stockFigures(rows, settings({ sellThrough: 'dealtOfAll' })).sellThrough).toBe(0.5) // 5 ÷ 10
    expect(stockFigures([], DEFAULT_REPORT_SETTINGS).sellThrough).toBeNull()
  })
})

describe('the formulas printed', () => {
  it('name the definition in force, in the reader’s language', () => {
    expect(reportFormulas(DEFAULT_REPORT_SETTINGS, 'zh-CN').visits).toContain('首访组数 + 复访组数')
    expect(reportFormulas(settings({ visitCount: 'first', visitUnit: 'person' }), 'zh-CN').visits).toContain(
      '首访人次',
    )
    expect(reportFormulas(settings({ conversion: 'personVisits' }), 'en').conversion).toBe(
      'Visit → subscription = subscriptions ÷ person-visits',
    )
    expect(reportFormulas(settings({ sellThrough: 'soldOfReleased' }), 'en').sellThrough).toContain(
      'released',
    )
  })
})
