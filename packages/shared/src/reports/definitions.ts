import { z } from 'zod'
import type { Locale } from '../i18n/locale'
import { addDays, localDayRange } from '../time'

/**
 * The figures companies word differently (formats.md "KPI definitions differ"): each a project
 * setting, and each report prints the formula of the one it used.
 */
export const VISIT_COUNTS = ['all', 'first'] as const
export const VISIT_UNITS = ['party', 'person'] as const
export const CONVERSIONS = ['customers', 'personVisits'] as const
export const SELL_THROUGHS = ['soldOfAll', 'soldOfReleased', 'dealtOfAll'] as const

export const ReportSettings = z.object({
  /** Which visits count: first and return visits (首访 + 复访), or first visits only. */
  visitCount: z.enum(VISIT_COUNTS),
  /** Counted per party (组) or per person (人次: the party's size). */
  visitUnit: z.enum(VISIT_UNITS),
  /** Visit → subscription: subscribing customers ÷ visiting customers, or subscriptions ÷ person-visits. */
  conversion: z.enum(CONVERSIONS),
  /** 去化率: signed ÷ all units, signed ÷ units released for sale, or (subscribed + signed) ÷ all. */
  sellThrough: z.enum(SELL_THROUGHS),
  /**
   * When the daily report is due (formats.md "Deadlines"): the same day at 20:00 (agencies) or the next
   * morning at 9:30 (a developer's own office), project-local.
   */
  dailyDeadline: z.object({
    nextDay: z.boolean(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '@time' }),
  }),
})
export type ReportSettings = z.infer<typeof ReportSettings>

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  visitCount: 'all',
  visitUnit: 'party',
  conversion: 'customers',
  sellThrough: 'soldOfAll',
  dailyDeadline: { nextDay: false, time: '20:00' },
}

type Worded = Record<Locale, string>

const VISIT_FORMULAS: Record<ReportSettings['visitCount'], Record<ReportSettings['visitUnit'], Worded>> = {
  all: {
    party: {
      'zh-CN': '来访 = 首访组数 + 复访组数（按来访登记，不论接待结果）',
      en: 'Visits = first-visit parties + return-visit parties (by check-in, whatever the result)',
    },
    person: {
      'zh-CN': '来访 = 首访人次 + 复访人次（每组按登记人数计）',
      en: 'Visits = first-visit persons + return-visit persons (each party counted by its size)',
    },
  },
  first: {
    party: {
      'zh-CN': '来访 = 首访组数（该号码在本项目的第一次来访）',
      en: 'Visits = first-visit parties (the number’s first visit to the project)',
    },
    person: {
      'zh-CN': '来访 = 首访人次（首访每组按登记人数计）',
      en: 'Visits = first-visit persons (each first-visit party counted by its size)',
    },
  },
}

const CONVERSION_FORMULAS: Record<ReportSettings['conversion'], Worded> = {
  customers: {
    'zh-CN': '来访认购率 = 认购客户数 ÷ 来访客户数（同一号码只计一次）',
    en: 'Visit → subscription = subscribing customers ÷ visiting customers (each number once)',
  },
  personVisits: {
    'zh-CN': '来访认购率 = 认购套数 ÷ 来访人次',
    en: 'Visit → subscription = subscriptions ÷ person-visits',
  },
}

const SELL_THROUGH_FORMULAS: Record<ReportSettings['sellThrough'], Worded> = {
  soldOfAll: {
    'zh-CN': '去化率 = 已签约套数 ÷ 全部房源套数',
    en: 'Sell-through = signed units ÷ all units',
  },
  soldOfReleased: {
    'zh-CN': '去化率 = 已签约套数 ÷ 已推售套数（不可售除外）',
    en: 'Sell-through = signed units ÷ units released for sale (withheld excluded)',
  },
  dealtOfAll: {
    'zh-CN': '去化率 = （已认购 + 已签约）套数 ÷ 全部房源套数',
    en: 'Sell-through = (subscribed + signed) units ÷ all units',
  },
}

/** Formulas that do not depend on a setting. */
const FIXED_FORMULAS = {
  deals: {
    'zh-CN': '认购/签约 = 期内认购/签约的套数、面积（㎡）与金额（万元）：认购按认购价，签约后按合同价',
    en: 'Subscriptions / signings = units, area (m²) and amount (10k yuan) subscribed / signed in the period: the agreed price, the contract price once signed',
  },
  cancellations: {
    'zh-CN': '退房 = 期内总监批准的退房与挞定，按退前状态分为退认购与退签约，金额为退前成交价',
    en: 'Cancellations = cancellations and forfeits the director approved in the period, apart by what was cancelled (a subscription or a signing), at the price before',
  },
  netSignings: {
    'zh-CN': '净签约 = 签约 − 退签约；换房只移面积与金额，不计套数',
    en: 'Net signings = signings − cancelled signings; a change of unit moves area and amount, not the count',
  },
  collection: {
    'zh-CN': '回款 = 期内收款日期的有效房款收据（按揭贷款与非贷款分列，作废除外）；净回款 = 回款 − 退款',
    en: 'Collection = valid house-payment receipts dated in the period (loan and other apart, voids excluded); net = collection − refunds',
  },
  visitToSigning: {
    'zh-CN': '来访签约率 = 签约客户数 ÷ 来访客户数',
    en: 'Visit → signing = signing customers ÷ visiting customers',
  },
  callToVisit: {
    'zh-CN': '来电到访率 = 来访 ÷ 来电',
    en: 'Call → visit = visits ÷ calls',
  },
  completion: {
    'zh-CN': '完成率 = 实际 ÷ 指标（签约按净签约，回款按净回款；年指标为当年各月之和）',
    en: 'Completion = actual ÷ target (signings net, collection net; the year’s target is its months’ sum)',
  },
  stock: {
    'zh-CN': '剩余可售 = 待售 + 保留的房源（不可售与已成交除外），金额按表价',
    en: 'Remaining stock = available and held units (withheld and sold excluded), at list price',
  },
} as const satisfies Record<string, Worded>

/** Every formula a report of these definitions used, in the reader's language. */
export function reportFormulas(settings: ReportSettings, locale: Locale) {
  return {
    visits: VISIT_FORMULAS[settings.visitCount][settings.visitUnit][locale],
    conversion: CONVERSION_FORMULAS[settings.conversion][locale],
    sellThrough: SELL_THROUGH_FORMULAS[settings.sellThrough][locale],
    ...(Object.fromEntries(
      Object.entries(FIXED_FORMULAS).map(([key, words]) => [key, words[locale]]),
    ) as Record<keyof typeof FIXED_FORMULAS, string>),
  }
}
export type ReportFormulas = ReturnType<typeof reportFormulas>

/** The words of each definition, for the settings page's choices. */
export const REPORT_SETTING_LABELS = {
  visitCount: {
    all: { 'zh-CN': '首访 + 复访', en: 'first and return visits' },
    first: { 'zh-CN': '仅首访', en: 'first visits only' },
  },
  visitUnit: {
    party: { 'zh-CN': '按组', en: 'per party' },
    person: { 'zh-CN': '按人次', en: 'per person' },
  },
  conversion: {
    customers: { 'zh-CN': '认购客户 ÷ 来访客户', en: 'subscribing ÷ visiting customers' },
    personVisits: { 'zh-CN': '认购套数 ÷ 来访人次', en: 'subscriptions ÷ person-visits' },
  },
  sellThrough: {
    soldOfAll: { 'zh-CN': '已签约 ÷ 全部房源', en: 'signed ÷ all units' },
    soldOfReleased: { 'zh-CN': '已签约 ÷ 已推售', en: 'signed ÷ released units' },
    dealtOfAll: { 'zh-CN': '（认购 + 签约）÷ 全部房源', en: '(subscribed + signed) ÷ all units' },
  },
} as const satisfies {
  [K in Exclude<keyof ReportSettings, 'dailyDeadline'>]: Record<ReportSettings[K], Worded>
}

/**
 * The instant a day's report is due, from the project's deadline: `2026-03-02` at 20:00 the same day,
 * or 9:30 the next, in the project's time zone (as an ISO instant, to compare with submission times).
 */
export function dailyReportDueAt(
  date: string,
  deadline: ReportSettings['dailyDeadline'],
  timeZone: string,
): string {
  const day = deadline.nextDay ? addDays(date, 1) : date
  const [h, m] = deadline.time.split(':').map(Number) as [number, number]
  // From the local midnight: a day that changes its clocks (not China's) is off by that hour.
  return new Date(Date.parse(localDayRange(day, timeZone).start) + (h * 60 + m) * 60_000).toISOString()
}

/** A report's state on its way to the client (sign-off and submission). */
export const REPORT_STATUS_LABELS = {
  prepared: { 'zh-CN': '待审核', en: 'waiting for sign-off' },
  returned: { 'zh-CN': '已退回', en: 'returned' },
  signedOff: { 'zh-CN': '已审核', en: 'signed off' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
} satisfies Record<'prepared' | 'returned' | 'signedOff' | 'submitted', Worded>
