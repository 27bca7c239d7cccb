/** A mainland mobile number has 11 digits (CONTRACT.md, "Phone numbers"). */
export const MOBILE_LENGTH = 11

/** Grouped 3-4-4 as people read a number aloud: `13800138000` → `138 0013 8000`, also while typing. */
export function formatMobile(digits: string): string {
  return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7, MOBILE_LENGTH)].filter(Boolean).join(' ')
}

/**
 * What is wrong with the digits typed so far, for a friendly line under the number:
 * - `notMobile` as soon as they can no longer become a mobile number (it starts 13 … 19),
 * - `incomplete` while digits are missing,
 * - `null` when it is a valid mobile number. The server checks again and has the last word.
 */
export type MobileProblem = 'notMobile' | 'incomplete' | null

export function mobileProblem(digits: string): MobileProblem {
  if (!/^\d*$/.test(digits) || digits.length > MOBILE_LENGTH) return 'notMobile'
  if (digits.length >= 1 && digits[0] !== '1') return 'notMobile'
  if (digits.length >= 2 && !/[3-9]/.test(digits[1]!)) return 'notMobile'
  return digits.length < MOBILE_LENGTH ? 'incomplete' : null
}

/** `138****8000`: enough for a visitor to recognise their number on a screen others can see. */
export function maskMobile(digits: string): string {
  return digits.length === MOBILE_LENGTH
    ? `${digits.slice(0, 3)}****${digits.slice(7)}`
    : formatMobile(digits)
}
