import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  DevicePairInput,
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
    expect(sentence(LoginInput, { password: 'x' }, 'zh-CN')).toBe('请填写用户名（username）。')
    expect(sentence(LoginInput, { password: 'x' }, 'en')).toBe('Username (username) is required.')
  })

  it('says what type a field should be', () => {
    expect(sentence(LoginInput, { username: 123, password: 'x' }, 'zh-CN')).toBe(
      '用户名（username）应为文字。',
    )
    expect(sentence(LoginInput, { username: 123, password: 'x' }, 'en')).toBe(
      'Username (username) must be text.',
    )
  })

  it('lists the allowed values of a choice', () => {
    expect(sentence(StaffCreateInput, { ...staff, role: 'boss' }, 'zh-CN')).toBe(
      '角色（role）只能是：director、manager、assistant、consultant。',
    )
    expect(sentence(DevicePairInput, { projectId: 'p1', kind: 'tv', name: '屏' }, 'en')).toBe(
      'Device kind (kind) must be one of: kiosk, board.',
    )
  })

  it('gives lengths and formats as a person would say them', () => {
    expect(sentence(StaffCreateInput, { ...staff, password: 'short' }, 'zh-CN')).toBe(
      '密码（password）至少要 8 个字符。',
    )
    expect(sentence(StaffCreateInput, { ...staff, username: 'a b' }, 'en')).toBe(
      'Username (username) may contain only letters, digits, dots, underscores and dashes, 3–32 characters.',
    )
    expect(sentence(StaffCreateInput, { ...staff, pin: '12' }, 'zh-CN')).toBe(
      'PIN 码（pin）应为 4–6 位数字。',
    )
    expect(sentence(ProjectCreateInput, { code: 'demo', name: '示范', channels: ['网络'] }, 'zh-CN')).toBe(
      '编码（code）只能包含大写字母、数字和减号，2–16 个字符。',
    )
  })

  it('names a field inside a list by the list', () => {
    expect(
      sentence(ProjectCreateInput, { code: 'DEMO', name: '示范', channels: ['网络', ''] }, 'zh-CN'),
    ).toBe('来访渠道（channels）不能为空。')
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
