import { z } from 'zod'
import { fieldName, valueName } from './fields'
import { fill, type Locale, type LocalText } from './locale'

/**
 * Sentences for zod issues. Schemas name custom rules by a key starting with `@` (`{ error: '@phone' }`),
 * and the global error map below marks a missing value as `@required`, because zod 4 does not keep the
 * input on the issue; everything else is worded from the issue's code.
 */
const T = {
  '@required': { 'zh-CN': '请填写{field}。', en: '{field} is required.' },
  type: { 'zh-CN': '{field}应为{expected}。', en: '{field} must be {expected}.' },
  int: { 'zh-CN': '{field}应为整数。', en: '{field} must be a whole number.' },
  empty: { 'zh-CN': '{field}不能为空。', en: '{field} must not be empty.' },
  minString: { 'zh-CN': '{field}至少要 {n} 个字符。', en: '{field} must be at least {n} characters.' },
  maxString: { 'zh-CN': '{field}最多 {n} 个字符。', en: '{field} must be at most {n} characters.' },
  minNumber: { 'zh-CN': '{field}不能小于 {n}。', en: '{field} must be at least {n}.' },
  maxNumber: { 'zh-CN': '{field}不能大于 {n}。', en: '{field} must be at most {n}.' },
  minArray: { 'zh-CN': '{field}至少要有 {n} 项。', en: '{field} needs at least {n} items.' },
  maxArray: { 'zh-CN': '{field}最多 {n} 项。', en: '{field} may have at most {n} items.' },
  oneOf: { 'zh-CN': '{field}只能是：{options}。', en: '{field} must be one of: {options}.' },
  format: { 'zh-CN': '{field}的格式不正确。', en: '{field} is not in the right format.' },
  unknownKeys: { 'zh-CN': '请求里有无法识别的字段：{keys}。', en: 'The request has unknown fields: {keys}.' },
  invalid: { 'zh-CN': '{field}填写有误。', en: '{field} is not valid.' },
  outOfRange: { 'zh-CN': '{field}的数值超出了允许的范围。', en: '{field} is out of the allowed range.' },
  '@phone': {
    'zh-CN': '{field}格式不正确：请输入 11 位中国大陆手机号，如 13812345678。',
    en: '{field} is not valid: enter an 11-digit mainland China mobile number, such as 13812345678.',
  },
  '@date': {
    'zh-CN': '{field}应为 YYYY-MM-DD 格式、日历上存在的日期，例如 2026-03-01。',
    en: '{field} must be a real calendar date as YYYY-MM-DD, such as 2026-03-01.',
  },
  '@dateTime': {
    'zh-CN': '{field}应为带时区的时间，例如 2026-03-02T10:00:00+08:00。',
    en: '{field} must be a time with its offset, such as 2026-03-02T10:00:00+08:00.',
  },
  '@reportedPhone': {
    'zh-CN': '{field}应为 11 位手机号，或前三位加后四位（如 138****5678）。',
    en: '{field} must be an 11-digit mobile number, or its first three and last four digits (138****5678).',
  },
  '@priceOrder': {
    'zh-CN': '{field}应把加价、折扣、立减三类各列一次，按生效的先后排列。',
    en: '{field} must list surcharges, discounts and reductions once each, in the order they apply.',
  },
  '@plainName': {
    'zh-CN': '{field}不能包含换行、控制字符或隐藏的文字方向符号。',
    en: '{field} must not contain line breaks, control characters or hidden text-direction marks.',
  },
  '@plainText': {
    'zh-CN': '{field}不能包含控制字符或隐藏的文字方向符号。',
    en: '{field} must not contain control characters or hidden text-direction marks.',
  },
  '@consent': {
    'zh-CN': '{field}不能为空：没有版本号就不算同意了隐私告知。不发送该字段表示未采集同意。',
    en: '{field} must not be empty: without a version it is no consent. Leave the field out when consent was not captured.',
  },
  '@username': {
    'zh-CN': '{field}只能包含字母、数字、点、下划线和减号，3–32 个字符。',
    en: '{field} may contain only letters, digits, dots, underscores and dashes, 3–32 characters.',
  },
  '@pin': { 'zh-CN': '{field}应为 4–6 位数字。', en: '{field} must be 4–6 digits.' },
  '@pairingCode': { 'zh-CN': '{field}应为 6 位数字。', en: '{field} must be 6 digits.' },
  '@projectCode': {
    'zh-CN': '{field}只能包含大写字母、数字和减号，2–16 个字符。',
    en: '{field} may contain only capital letters, digits and dashes, 2–16 characters.',
  },
  '@url': {
    'zh-CN': '{field}应为以 http:// 或 https:// 开头的网址。',
    en: '{field} must be a URL starting with http:// or https://.',
  },
  '@base64': {
    'zh-CN': '{field}不是有效的文件内容，请重新上传。',
    en: '{field} is not valid file content; upload again.',
  },
  '@time': {
    'zh-CN': '{field}应为 HH:MM 格式的时间，例如 20:00。',
    en: '{field} must be a time as HH:MM, such as 20:00.',
  },
  '@month': {
    'zh-CN': '{field}应为 YYYY-MM 格式的月份，例如 2026-03。',
    en: '{field} must be a month as YYYY-MM, such as 2026-03.',
  },
  '@colour': {
    'zh-CN': '{field}应为 # 加 6 位十六进制的颜色，例如 #DDE8E8。',
    en: '{field} must be a colour as # and six hex digits, such as #DDE8E8.',
  },
  '@area': {
    'zh-CN': '{field}应为不小于 0、不大于 100000 的平方米数，最多两位小数。',
    en: '{field} must be square metres from 0 to 100,000, with at most two decimals.',
  },
  '@planRowDue': {
    'zh-CN': '{field}：每一期要么写签约后的天数，要么写固定日期，只能选一种。',
    en: '{field}: each instalment is due either some days after subscription or on a fixed date, not both.',
  },
  '@planRowAmount': {
    'zh-CN': '{field}：每一期要么写比例，要么写金额，只能选一种。',
    en: '{field}: each instalment is either a share of the price or an amount, not both.',
  },
  '@reasonRequired': {
    'zh-CN': '请写明{field}：每次调整都要留下理由。',
    en: '{field} is required: every override must say why.',
  },
} satisfies Record<string, LocalText>

const EXPECTED: Record<string, LocalText> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  boolean: { 'zh-CN': '是或否', en: 'true or false' },
  object: { 'zh-CN': '一个对象', en: 'an object' },
  array: { 'zh-CN': '列表', en: 'a list' },
}

let configured = false
/** Marks missing values so they can be worded as "please fill in". Idempotent. */
export function configureZodMessages(): void {
  if (configured) return
  configured = true
  z.config({
    customError: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? '@required' : undefined,
  })
}

type Issue = z.core.$ZodIssue

/**
 * The field as the sentence names it: in a list (rows of an import, a schedule) with the entry's
 * number counted from 1, so a person finds the row to fix (`第 3 条的面积`).
 */
function fieldOf(path: readonly PropertyKey[], locale: Locale): string {
  const name = fieldName(path, locale)
  const index = path.find((p): p is number => typeof p === 'number')
  if (index === undefined) return name
  return locale === 'en' ? `${name} (entry ${index + 1})` : `第 ${index + 1} 条的${name}`
}

function describeOutOfRange(issue: Issue, locale: Locale): string {
  return fill(T.outOfRange[locale], { field: fieldOf(issue.path, locale) })
}

export function describeIssue(issue: Issue, locale: Locale): string {
  const say = (t: LocalText, params: Record<string, string | number> = {}) =>
    fill(t[locale], { field: fieldOf(issue.path, locale), ...params })
  if (issue.message in T) return say(T[issue.message as keyof typeof T])
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') return say(T.int)
      const expected = EXPECTED[issue.expected]
      return expected ? say(T.type, { expected: expected[locale] }) : say(T.invalid)
    }
    case 'too_small': {
      const n = Number(issue.minimum)
      if (issue.origin === 'string') return n <= 1 ? say(T.empty) : say(T.minString, { n })
      if (issue.origin === 'array' || issue.origin === 'set') return say(T.minArray, { n })
      return say(T.minNumber, { n })
    }
    case 'too_big': {
      const n = Number(issue.maximum)
      if (issue.origin === 'string') return say(T.maxString, { n })
      if (issue.origin === 'array' || issue.origin === 'set') return say(T.maxArray, { n })
      return say(T.maxNumber, { n })
    }
    case 'invalid_value':
      return say(T.oneOf, {
        options: issue.values
          .map((v) => valueName(issue.path, v, locale))
          .join(locale === 'en' ? ', ' : '、'),
      })
    case 'invalid_format':
      return say(T.format)
    case 'unrecognized_keys':
      return say(T.unknownKeys, { keys: issue.keys.join(', ') })
    case 'invalid_union': {
      const first = issue.errors[0]?.[0]
      return first
        ? describeIssue({ ...first, path: [...issue.path, ...first.path] }, locale)
        : say(T.invalid)
    }
    default:
      return say(T.invalid)
  }
}

/**
 * zod's own bound on whole numbers (the safe-integer range) says nothing a person can use when the
 * schema's own bound is reported beside it; alone, it is worded as "too large".
 */
function isSafeIntegerBound(issue: Issue): boolean {
  return (
    (issue.code === 'too_big' && Number(issue.maximum) === Number.MAX_SAFE_INTEGER) ||
    (issue.code === 'too_small' && Number(issue.minimum) === Number.MIN_SAFE_INTEGER)
  )
}

/** One sentence per problem, at most three, so a person can fix them all in one go. */
export function describeZodError(error: z.ZodError, locale: Locale): string {
  const samePath = (a: Issue, b: Issue) => a.path.join('.') === b.path.join('.')
  const issues = error.issues.filter(
    (issue) =>
      !isSafeIntegerBound(issue) ||
      !error.issues.some((other) => other !== issue && samePath(other, issue) && !isSafeIntegerBound(other)),
  )
  const sentences = [
    ...new Set(
      issues.map((issue) =>
        isSafeIntegerBound(issue) ? describeOutOfRange(issue, locale) : describeIssue(issue, locale),
      ),
    ),
  ]
  return sentences.slice(0, 3).join(locale === 'en' ? ' ' : '')
}
