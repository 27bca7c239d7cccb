import { describe, expect, it } from 'vitest'
import {
  amountLine,
  areaText,
  belowQuote,
  parseWan,
  parseYuan,
  scheduleBalance,
  unitPriceText,
  wanInput,
  wanText,
  yuanInput,
  yuanPerM2,
} from './money-format'

describe('yuan as typed', () => {
  it('reads yuan with up to two decimals as exact fen, separators and the sign allowed', () => {
    expect(parseYuan('1234.56')).toBe(123_456)
    expect(parseYuan('2,500,000')).toBe(250_000_000)
    expect(parseYuan(' ¥5,000.5 ')).toBe(500_050)
    expect(parseYuan('0.07')).toBe(7)
    expect(parseYuan('12.')).toBe(1_200)
    // 0.1 + 0.2 is not 0.3 in floating point; typed money never goes through one.
    expect(parseYuan('0.29')).toBe(29)
    expect(parseYuan('1.15')).toBe(115)
    expect(parseYuan('4.35')).toBe(435)
  })

  it('refuses what is not an amount: empty, negative, a third decimal, letters, more than the product takes', () => {
    for (const bad of ['', '-5', '1.234', 'abc', '1e5', '12,34.5.6', '10000000000.01', '99999999999999'])
      expect(parseYuan(bad), bad).toBeNull()
    expect(parseYuan('10000000000')).toBe(1_000_000_000_000)
  })

  it('gives fen back as an input shows them', () => {
    expect(yuanInput(250_000_000)).toBe('2500000')
    expect(yuanInput(250_000_050)).toBe('2500000.5')
    expect(yuanInput(123_456)).toBe('1234.56')
    expect(yuanInput(7)).toBe('0.07')
    for (const fen of [0, 1, 10, 99, 100, 123_456_789]) expect(parseYuan(yuanInput(fen))).toBe(fen)
  })
})

describe('money on the grid and the papers', () => {
  it('writes totals in 万元 with two decimals, half up', () => {
    expect(wanText(250_000_000)).toBe('250.00')
    expect(wanText(256_789_000)).toBe('256.79')
    expect(wanText(1_234_567_890_000)).toBe('1,234,567.89')
    expect(wanText(4_999)).toBe('0.00')
    expect(wanText(5_000)).toBe('0.01')
  })

  it('gives the unit price per m² in whole yuan, and nothing for a unit without area', () => {
    expect(yuanPerM2(250_000_000, 89.57)).toBe(27_911)
    expect(unitPriceText(yuanPerM2(250_000_000, 89.57))).toBe('27,911')
    expect(yuanPerM2(100, 0)).toBeNull()
    expect(unitPriceText(null)).toBe('')
    expect(areaText(89.5)).toBe('89.50')
  })

  it('writes an amount in words and figures as a receipt does', () => {
    expect(amountLine(500_000)).toBe('人民币伍仟元整（¥5,000.00）')
    expect(amountLine(140_950)).toBe('人民币壹仟肆佰零玖元伍角（¥1,409.50）')
  })

  it('says how far below the quote a price is, and nothing at or above it', () => {
    expect(belowQuote(247_600_000, 250_000_000)).toEqual({ offFen: 2_400_000, percent: '0.96%' })
    expect(belowQuote(250_000_000, 250_000_000)).toBeNull()
    expect(belowQuote(260_000_000, 250_000_000)).toBeNull()
  })

  it('adds a schedule up against the price, and knows a row left blank', () => {
    expect(scheduleBalance([{ amountFen: 100 }, { amountFen: 200 }], 300)).toEqual({
      sumFen: 300,
      diffFen: 0,
      complete: true,
    })
    expect(scheduleBalance([{ amountFen: 100 }, { amountFen: null }], 300)).toEqual({
      sumFen: 100,
      diffFen: -200,
      complete: false,
    })
  })
})

describe('万元 as typed', () => {
  it('reads 万元 with up to six decimals as exact fen', () => {
    expect(parseWan('250')).toBe(250_000_000)
    expect(parseWan('12.5')).toBe(12_500_000)
    expect(parseWan('1,234.5678')).toBe(1_234_567_800)
    expect(parseWan('0.000001')).toBe(1)
    expect(parseWan('3.14万')).toBe(3_140_000)
    // 0.29 万元 is 2 900 元 exactly, not 2 899.99… as a float product would give.
    expect(parseWan('0.29')).toBe(290_000)
  })

  it('refuses a seventh decimal, a minus, letters and more than the product takes', () => {
    for (const bad of ['', '-1', '0.0000001', 'abc', '1e3', '100000001'])
      expect(parseWan(bad), bad).toBeNull()
  })

  it('shows fen as a 万元 input and reads back the same', () => {
    for (const fen of [0, 1, 12_500_000, 250_000_000, 1_234_567_891])
      expect(parseWan(wanInput(fen))).toBe(fen)
    expect(wanInput(12_500_000)).toBe('12.5')
  })
})
