import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  CheckInInput,
  DayInput,
  DevicePairInput,
  isCalendarDate,
  describeZodError,
  LoginInput,
  ProjectCreateInput,
  StaffCreateInput,
  type Locale,
} from '../index'

function sentence(schema: z.ZodType, input: unknown, locale: Locale): string {
  const result = schema.safeParse(input)
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`)
  return describeZodError(result.error, locale)
}

const staff = {
  username: 'li.na',
  name: '李娜',
  role: 'consultant',
  password: 'first-password',
  projectIds: ['p1'],
}

describe('describeZodError', () => {
  it('asks for a missing field by its name', () => {
    expect(sentence(LoginInput, { password: 'x' }, 'zh-CN')).toBe('请填写用户名。')
    expect(sentence(LoginInput, { password: 'x' }, 'en')).toBe('Username is required.')
  })

  it('says what type a field should be', () => {
    expect(sentence(LoginInput, { username: 123, password: 'x' }, 'zh-CN')).toBe('用户名应为文字。')
    expect(sentence(LoginInput, { username: 123, password: 'x' }, 'en')).toBe('Username must be text.')
  })

  it('lists the allowed values of a choice', () => {
    expect(sentence(StaffCreateInput, { ...staff, role: 'boss' }, 'zh-CN')).toBe(
      '角色只能是：销售总监、销售经理、销售助理、置业顾问、渠道。',
    )
    expect(sentence(DevicePairInput, { projectId: 'p1', kind: 'tv', name: '屏' }, 'en')).toBe(
      'Kind must be one of: kiosk, board.',
    )
  })

  it('gives lengths and formats as a person would say them', () => {
    expect(sentence(StaffCreateInput, { ...staff, password: 'short' }, 'zh-CN')).toBe('密码至少要 8 个字符。')
    expect(sentence(StaffCreateInput, { ...staff, username: 'a b' }, 'en')).toBe(
      'Username may contain only letters, digits, dots, underscores and dashes, 3–32 characters.',
    )
    expect(sentence(StaffCreateInput, { ...staff, pin: '12' }, 'zh-CN')).toBe('PIN 码应为 4–6 位数字。')
    expect(sentence(ProjectCreateInput, { code: 'demo', name: '示范', channels: ['网络'] }, 'zh-CN')).toBe(
      '编码只能包含大写字母、数字和减号，2–16 个字符。',
    )
  })

  it('names a field inside a list by the list', () => {
    expect(
      sentence(ProjectCreateInput, { code: 'DEMO', name: '示范', channels: ['网络', ''] }, 'zh-CN'),
    ).toBe('第 2 条的来访渠道不能为空。')
  })

  it('says at most three things, each once', () => {
    const message = sentence(StaffCreateInput, {}, 'zh-CN')
    expect(message.match(/。/g)).toHaveLength(3)
    const twice = sentence(z.object({ a: z.string(), b: z.string() }), {}, 'zh-CN')
    expect(twice).toBe('请填写a。请填写b。')
  })

  it('never reads like a raw validation dump', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const message = sentence(
        StaffCreateInput,
        { username: 5, role: 'x', projectIds: 'p1', extra: true },
        locale,
      )
      expect(message).not.toMatch(/invalid_type|too_small|expected|received|\{|\[/i)
    }
  })
})

describe('dates', () => {
  it.each([
    '2026-02-30',
    '0000-00-00',
    '2026-13-01',
    '2026-04-31',
    '2025-02-29',
    '2026-1-01',
    '20260301',
    '',
  ])('%j is not a date anyone can mean: BAD_REQUEST naming the field', (date) => {
    expect(isCalendarDate(date)).toBe(false)
    expect(sentence(DayInput, { projectId: 'p1', date }, 'zh-CN')).toBe(
      '日期应为 YYYY-MM-DD 格式、日历上存在的日期，例如 2026-03-01。',
    )
  })

  it.each(['2024-02-29', '2026-12-31', '2026-03-01'])('%s is accepted', (date) => {
    expect(DayInput.safeParse({ projectId: 'p1', date }).success).toBe(true)
  })
})

describe('names and text', () => {
  const staffNamed = (name: string) => ({ ...staff, name })

  it.each([
    ['a right-to-left override', '李\u202E娜'],
    ['a zero-width space', '李\u200B娜'],
    ['an isolate', '\u2066李娜\u2069'],
    ['a line break', '李\n娜'],
    ['a NUL', '李\u0000娜'],
    ['a bell', '李\u0007'],
  ])('a name with %s is refused, in words', (_what, name) => {
    expect(sentence(StaffCreateInput, staffNamed(name), 'zh-CN')).toBe(
      '名称不能包含换行、控制字符或隐藏的文字方向符号。',
    )
    expect(sentence(StaffCreateInput, staffNamed(name), 'en')).toBe(
      'Name must not contain line breaks, control characters or hidden text-direction marks.',
    )
  })

  it('a name in any script, with spaces and punctuation, is accepted', () => {
    for (const name of ['李娜', 'Anne-Marie O’Neil', '欧阳·娜娜', 'Zoë']) {
      expect(StaffCreateInput.safeParse(staffNamed(name)).success, name).toBe(true)
    }
  })

  it('a visitor’s blank surname is the same as none', () => {
    expect(CheckInInput.parse({ phone: '13812345678', surname: '  ' }).surname).toBeUndefined()
  })
})

describe('consent', () => {
  it('an empty consentVersion is not consent: refused with a sentence that says how to say "not captured"', () => {
    expect(sentence(CheckInInput, { phone: '13812345678', consentVersion: '' }, 'zh-CN')).toBe(
      '隐私告知版本不能为空：没有版本号就不算同意了隐私告知。不发送该字段表示未采集同意。',
    )
    expect(sentence(CheckInInput, { phone: '13812345678', consentVersion: '   ' }, 'en')).toMatch(
      /^Privacy notice version must not be empty/,
    )
    expect(CheckInInput.safeParse({ phone: '13812345678' }).success).toBe(true)
  })
})
