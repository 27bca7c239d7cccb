import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { describeZodError, maskPhone, normalizePhone, Phone } from './index'

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['0086-139-0000-1111', '13900001111'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['  19912345678 ', '19912345678'],
  ])('reads %j as %s', (raw, phone) => {
    expect(normalizePhone(raw)).toBe(phone)
  })

  it.each([
    ['12 digits', '138123456789'],
    ['10 digits', '1381234567'],
    ['starting 2', '23812345678'],
    ['starting 12', '12812345678'],
    ['starting 11', '11812345678'],
    ['a letter', '1381234567a'],
    ['letters', 'abcdefghijk'],
    ['another country code', '+85213812345678'],
    ['+86 and too short', '+86 138 1234 567'],
    ['a landline', '010-12345678'],
    ['nothing', ''],
    ['dots', '138.1234.5678'],
  ])('rejects %s (%j)', (_what, raw) => {
    expect(normalizePhone(raw)).toBeNull()
  })

  it('reads any mainland mobile back whatever prefix and separators were typed', () => {
    const mobile = fc
      .tuple(
        fc.constantFrom('3', '4', '5', '6', '7', '8', '9'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest.join('')}`)
    const separator = fc.constantFrom('', ' ', '-')
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom('', '+86', '0086', '+86 ', '0086-'),
        separator,
        (phone, prefix, sep) => {
          const typed = `${prefix}${phone.slice(0, 3)}${sep}${phone.slice(3, 7)}${sep}${phone.slice(7)}`
          expect(normalizePhone(typed)).toBe(phone)
        },
      ),
    )
  })
})

describe('maskPhone', () => {
  it('shows the first three and last four digits only', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })

  it('hides anything that is not 11 digits entirely', () => {
    expect(maskPhone('12345')).toBe('****')
  })
})

describe('the Phone schema', () => {
  it('answers the normalised number', () => {
    expect(Phone.parse('+86 138-1234-5678')).toBe('13812345678')
  })

  it('refuses a bad number with a sentence naming the field in Chinese and English', () => {
    const result = z.object({ phone: Phone }).safeParse({ phone: '23812345678' })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(describeZodError(result.error, 'zh-CN')).toBe(
      '手机号格式不正确：请输入 11 位中国大陆手机号，如 13812345678。',
    )
    expect(describeZodError(result.error, 'en')).toBe(
      'Phone number is not valid: enter an 11-digit mainland China mobile number, such as 13812345678.',
    )
  })
})
