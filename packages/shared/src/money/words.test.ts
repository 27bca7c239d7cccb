import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { amountInFigures, amountInWords, MAX_FEN } from './words'

const yuan = (y: number) => Math.round(y * 100)

describe('amountInWords (formats.md "Amounts in words")', () => {
  it.each([
    [5_000, '人民币伍仟元整'],
    [1_005, '人民币壹仟零伍元整'],
    [1_409.5, '人民币壹仟肆佰零玖元伍角'],
    [325.04, '人民币叁佰贰拾伍元零肆分'],
    [10, '人民币壹拾元整'],
    [107_000.53, '人民币壹拾万柒仟元零伍角叁分'],
    [0.05, '人民币伍分'],
    [0.5, '人民币伍角'],
    [0.15, '人民币壹角伍分'],
    [0, '人民币零元整'],
    [10_005, '人民币壹万零伍元整'],
    [100_000_001, '人民币壹亿零壹元整'],
    [100_010_000, '人民币壹亿零壹万元整'],
    [100_000_000, '人民币壹亿元整'],
    [3_180_000, '人民币叁佰壹拾捌万元整'],
    [2_860_350.8, '人民币贰佰捌拾陆万零叁佰伍拾元零捌角'],
    [1_000_000, '人民币壹佰万元整'],
    [10_000_000_000, '人民币壹佰亿元整'],
  ])('%d yuan → %s', (amount, words) => {
    expect(amountInWords(yuan(amount))).toBe(words)
  })

  it('writes 整 after 角 where the office wants it, never after 分', () => {
    expect(amountInWords(yuan(1_409.5), { zhengAfterJiao: true })).toBe('人民币壹仟肆佰零玖元伍角整')
    expect(amountInWords(yuan(325.04), { zhengAfterJiao: true })).toBe('人民币叁佰贰拾伍元零肆分')
  })

  it('never writes two 零 in a row, never a 零 before a unit (nothing but 零元整 itself), never a bare 拾', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (fen) => {
        const words = amountInWords(fen)
        expect(words).not.toMatch(/零零/)
        expect(words).not.toMatch(/零[元万亿整]/)
        expect(words).not.toMatch(/(^人民币|[零万亿元])拾/)
        expect(words.startsWith('人民币')).toBe(true)
      }),
    )
  })

  it('refuses what is not whole fen within the product’s range', () => {
    for (const bad of [-1, 0.5, MAX_FEN + 1, Number.NaN]) expect(() => amountInWords(bad)).toThrow(RangeError)
  })
})

describe('amountInFigures', () => {
  it('groups thousands and keeps two decimals, the sign with no space', () => {
    expect(amountInFigures(500_000)).toBe('¥5,000.00')
    expect(amountInFigures(5)).toBe('¥0.05')
    expect(amountInFigures(286_035_080)).toBe('¥2,860,350.80')
  })
})
