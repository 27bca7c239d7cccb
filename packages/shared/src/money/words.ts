/**
 * 大写金额: an amount as a receipt, an agreement and a bank write it (`../shared/reference/formats.md`,
 * "Amounts in words"), and the same amount in figures. Money is integer fen throughout.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
/** Within a four-digit section, from the highest place: 仟佰拾 and the ones. */
const PLACES = ['仟', '佰', '拾', '']
/** The sections from the lowest: ones, 万, 亿 (10¹² fen is at most 百亿元). */
const SECTIONS = ['', '万', '亿']
/** The most the product takes (CONTRACT.md: up to 10¹² fen). */
export const MAX_FEN = 1_000_000_000_000

export interface AmountWordsOptions {
  /** An amount ending at 角 gets 整 too (`伍角整`); offices differ, the bank accepts both. Default: no. */
  zhengAfterJiao?: boolean
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN)
    throw new RangeError(`an amount is whole fen from 0 to ${MAX_FEN}, not ${fen}`)
}

/** The yuan in words without 元: sections of four digits, a run of zeros as one 零, every 拾 with its digit. */
function yuanWords(yuan: number): string {
  const sections: number[] = []
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000)
  let out = ''
  // A zero seen since the last digit written: a 零 goes before the next one. Zeros that end a section
  // write nothing (壹拾万柒仟), zeros that begin one do (壹万零伍).
  let zero = false
  for (let s = sections.length - 1; s >= 0; s--) {
    const section = sections[s]!
    const digits = String(section).padStart(4, '0')
    for (let p = 0; p < 4; p++) {
      const d = Number(digits[p])
      if (d === 0) {
        if (out) zero = true
        continue
      }
      if (zero) out += '零'
      out += DIGITS[d]! + PLACES[p]!
      zero = false
    }
    if (section > 0) {
      out += SECTIONS[s]!
      zero = false
    }
  }
  return out
}

/** `人民币伍仟元整`, `人民币壹仟肆佰零玖元伍角`, `人民币叁佰贰拾伍元零肆分`, `人民币伍分`. */
export function amountInWords(fen: number, options: AmountWordsOptions = {}): string {
  assertFen(fen)
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const cents = fen % 10
  if (fen === 0) return '人民币零元整'
  let out = yuan > 0 ? `${yuanWords(yuan)}元` : ''
  if (jiao === 0 && cents === 0) return `人民币${out}整`
  if (jiao > 0) {
    // A zero in the ones place before the 角 is read out (壹拾万柒仟元零伍角), as the bank writes it.
    if (yuan > 0 && yuan % 10 === 0) out += '零'
    out += `${DIGITS[jiao]}角`
  } else if (yuan > 0) {
    out += '零'
  }
  if (cents > 0) return `人民币${out}${DIGITS[cents]}分`
  return `人民币${out}${options.zhengAfterJiao ? '整' : ''}`
}

/** `¥5,000.00`: the sign with no space, thousands grouped, always two decimals (a receipt's amount). */
export function amountInFigures(fen: number): string {
  assertFen(fen)
  return yuanText(fen)
}

/**
 * The same writing for any whole number of fen, negative or past what one receipt holds: what a
 * sentence says of a schedule's total or a difference (a negative one as `-¥1,234.50`).
 */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`
}
