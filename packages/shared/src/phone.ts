/** Mainland mobile: 11 digits starting 1[3-9]; `+86`/`0086`, spaces and dashes are tolerated on input. */
const MOBILE = /^1[3-9]\d{9}$/

export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s-]/g, '')
  if (digits.startsWith('+86')) digits = digits.slice(3)
  else if (digits.startsWith('0086')) digits = digits.slice(4)
  return MOBILE.test(digits) ? digits : null
}

/** `13812345678` → `138****5678`: what people without the right to the full number see. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
