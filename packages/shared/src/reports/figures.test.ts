import { describe, expect, it } from 'vitest'
import { collectionFen, dealFigures, receptionFigures, visitFigures } from './figures'

/** A hand-counted day: five check-ins (one a call), three receptions, two deals, four receipts. */
describe('the daily figures', () => {
  it('counts visits by party, first and returning, per channel; calls are not visits', () => {
    const figures = visitFigures([
      { kind: 'visit', channel: '自然来访', visitedBefore: false },
      { kind: 'visit', channel: '自然来访', visitedBefore: true },
      { kind: 'visit', channel: '网络', visitedBefore: false },
      { kind: 'visit', channel: null, visitedBefore: false },
      { kind: 'call', channel: '网络', visitedBefore: false },
    ])
    expect(figures.visits).toEqual({ first: 3, returning: 1 })
    expect(figures.visitsByChannel).toEqual([
      { channel: '自然来访', first: 1, returning: 1 },
      { channel: null, first: 1, returning: 0 },
      { channel: '网络', first: 1, returning: 0 },
    ])
  })

  it('counts each consultant’s receptions and their results', () => {
    expect(
      receptionFigures([
        { consultantId: 'b', result: 'valid' },
        { consultantId: 'a', result: 'invalid' },
        { consultantId: 'b', result: null },
      ]),
    ).toEqual([
      { consultantId: 'b', received: 2, valid: 1, invalid: 0 },
      { consultantId: 'a', received: 1, valid: 0, invalid: 1 },
    ])
  })

  it('sums deals’ area exactly and their prices', () => {
    expect(
      dealFigures([
        { areaCentiM2: 8_932, priceFen: 2_958_000_00 },
        { areaCentiM2: 11_856, priceFen: 4_012_345_00 },
      ]),
    ).toEqual({ count: 2, areaM2: 207.88, amountFen: 6_970_345_00 })
  })

  it('counts money in on valid receipts only', () => {
    expect(
      collectionFen([
        { amountFen: 5_000_000, direction: 'in', status: 'valid' },
        { amountFen: 300, direction: 'in', status: 'void' },
        { amountFen: 1_000_000, direction: 'refund', status: 'valid' },
        { amountFen: 20_000_000, direction: 'in', status: 'valid' },
      ]),
    ).toBe(25_000_000)
  })
})
