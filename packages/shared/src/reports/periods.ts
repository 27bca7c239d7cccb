import { addDays } from '../time'

/**
 * The periods a sales office reports side by side (formats.md): 本日, 本周 (Monday first), 本月, 本年 and
 * 累计 (since the project began), each as the first and last day it covers up to the report's day.
 */
export const REPORT_PERIODS = ['day', 'week', 'month', 'year', 'total'] as const
export type ReportPeriod = (typeof REPORT_PERIODS)[number]

export function periodRanges(
  date: string,
  since: string,
): Record<ReportPeriod, { from: string; to: string }> {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
  return {
    day: { from: date, to: date },
    week: { from: addDays(date, -weekday), to: date },
    month: { from: `${date.slice(0, 7)}-01`, to: date },
    year: { from: `${date.slice(0, 4)}-01-01`, to: date },
    total: { from: since < date ? since : date, to: date },
  }
}
