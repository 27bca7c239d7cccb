import { describe, expect, it } from 'vitest'
import {
  basisPointsToPercent,
  blankRule,
  moved,
  orientationsOf,
  percentToBasisPoints,
} from './price-policy-form'

describe('price policy form', () => {
  it('reads percentages from the digits, to the basis point', () => {
    expect(percentToBasisPoints('1.5')).toBe(150)
    expect(percentToBasisPoints('98')).toBe(9_800)
    expect(percentToBasisPoints('97.25')).toBe(9_725)
    expect(percentToBasisPoints('0.07')).toBe(7)
    expect(percentToBasisPoints('100')).toBe(10_000)
    for (const bad of ['101', '1.234', '-2', 'abc', '', null]) expect(percentToBasisPoints(bad)).toBeNull()
  })

  it('writes basis points back as a person typed them', () => {
    expect([150, 9_800, 9_725, 7].map(basisPointsToPercent)).toEqual(['1.5', '98', '97.25', '0.07'])
  })

  it('starts each kind of rule from a valid blank', () => {
    expect(blankRule('discount', '折扣')).toEqual({ kind: 'discount', label: '折扣', keepBasisPoints: 9_800 })
    expect(blankRule('reduction', '立减')).toMatchObject({ amountFen: 1_000_000 })
  })

  it('moves a rule up and down, and not past the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('splits orientations however they are separated', () => {
    expect(orientationsOf('南北, 东南，南 南北')).toEqual(['南北', '东南', '南'])
    expect(orientationsOf('  ')).toBeUndefined()
  })
})
