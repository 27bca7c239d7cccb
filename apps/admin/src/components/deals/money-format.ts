import { MAX_FEN, amountInFigures, amountInWords } from '@anchang/shared'

/**
 * Money as people type and read it on the sales screens. Amounts travel as integer fen; what a person
 * types is yuan with at most two decimals, read from the digits (never through a float), so 1234.56
 * is 123456 fen exactly.
 */

/** `1,234.56`, `¥1234.5`, `1234` → fen; anything else (letters, a third decimal, a minus) → null. */
export function parseYuan(text: string | null | undefined): number | null {
  const compact = (text ?? '').replace(/[\s,，]/g, '').replace(/^[¥￥]/, '')
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(compact)
  if (!match) return null
  const [, whole, decimals = ''] = match
  // Beyond 10¹² fen the product takes nothing; more than 13 digits of yuan is past that anyway.
  if (whole!.replace(/^0+/, '').length > 13) return null
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'))
  return fen <= MAX_FEN ? fen : null
}

/**
 * `250`, `12.345678` 万元 → fen; up to six decimals (one fen is 0.000001 万元). Read as yuan by moving
 * the decimal point four places in the digits, so it is exact like `parseYuan`.
 */
export function parseWan(text: string | null | undefined): number | null {
  const compact = (text ?? '').replace(/[\s,，]/g, '').replace(/万(元)?$/, '')
  const match = /^(\d+)(?:\.(\d{0,6}))?$/.exec(compact)
  if (!match) return null
  const [, whole, decimals = ''] = match
  const digits = decimals.padEnd(6, '0')
  return parseYuan(`${whole}${digits.slice(0, 4)}.${digits.slice(4)}`)
}

/** Fen as a 万元 input shows them: `250`, `12.5`, `0.000001`. */
export function wanInput(fen: number): string {
  const whole = Math.floor(fen / 1_000_000)
  const rest = fen % 1_000_000
  if (!rest) return String(whole)
  return `${whole}.${String(rest).padStart(6, '0').replace(/0+$/, '')}`
}

/** Fen as an input shows them: `2500000`, `2500000.5`, `1234.56` (no separators, no trailing zeros). */
export function yuanInput(fen: number): string {
  const whole = Math.floor(fen / 100)
  const rest = fen % 100
  if (!rest) return String(whole)
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`
}

/** `250.00`: fen in 万元 with two decimals, half up, as grids and reports write totals. */
export function wanText(fen: number): string {
  const hundredths = Math.round(fen / 10_000)
  return `${Math.floor(hundredths / 100).toLocaleString('en-US')}.${String(hundredths % 100).padStart(2, '0')}`
}

/** `89.57`: an area in m² with two decimals. */
export function areaText(areaM2: number): string {
  return areaM2.toFixed(2)
}

/** Whole yuan per m² (单价) of a price over an area, from the area's hundredths; null for no area. */
export function yuanPerM2(priceFen: number, areaM2: number): number | null {
  const centi = Math.round(areaM2 * 100)
  return centi > 0 ? Math.round(priceFen / centi) : null
}

/** `27,911`: a unit price in yuan with thousands grouped. */
export function unitPriceText(yuan: number | null): string {
  return yuan === null ? '' : yuan.toLocaleString('en-US')
}

/** `人民币伍仟元整（¥5,000.00）`: an amount as receipts and agreements write it. */
export function amountLine(fen: number): string {
  return `${amountInWords(fen)}（${amountInFigures(fen)}）`
}

/** How far a price is below the quote: the amount and the share of the quote (`0.48%`), or null at or above it. */
export function belowQuote(priceFen: number, quoteFen: number): { offFen: number; percent: string } | null {
  if (priceFen >= quoteFen || quoteFen <= 0) return null
  const offFen = quoteFen - priceFen
  // Hundredths of a percent, half up, from integers.
  const basis = Math.round((offFen * 10_000) / quoteFen)
  return { offFen, percent: `${Math.floor(basis / 100)}.${String(basis % 100).padStart(2, '0')}%` }
}

/** A schedule against the price: its sum and how far off it is (positive: too much). */
export function scheduleBalance(
  rows: readonly { amountFen: number | null }[],
  priceFen: number,
): { sumFen: number; diffFen: number; complete: boolean } {
  const sumFen = rows.reduce((sum, row) => sum + (row.amountFen ?? 0), 0)
  return { sumFen, diffFen: sumFen - priceFen, complete: rows.every((row) => row.amountFen !== null) }
}
