/**
 * Why a consultant steps away from the queue (暂离), and the words for each reason, one set for
 * the server and both apps. Pure data with no imports, so the kiosk can load it without zod.
 */
export const BREAK_REASONS = ['lunch', 'restroom', 'errand', 'customer', 'leave', 'private'] as const
export type BreakReason = (typeof BREAK_REASONS)[number]

/** The default of the project setting `rotation.breakKeepsPlace` (DOMAIN.md, "The rotation"). */
export const DEFAULT_BREAK_KEEPS_PLACE: Record<BreakReason, boolean> = {
  lunch: true,
  restroom: true,
  errand: true,
  customer: true,
  leave: false,
  private: false,
}

export const BREAK_REASON_LABELS: Record<BreakReason, { 'zh-CN': string; en: string }> = {
  lunch: { 'zh-CN': '午餐', en: 'Lunch' },
  restroom: { 'zh-CN': '洗手间', en: 'Restroom' },
  errand: { 'zh-CN': '公务外出', en: 'Official errand' },
  customer: { 'zh-CN': '接待其他客户', en: 'Another customer' },
  leave: { 'zh-CN': '请假', en: 'Leave' },
  private: { 'zh-CN': '私事', en: 'Private matter' },
}

/** The labels in one language, as an app's message catalogue holds them. */
export const breakReasonWords = (locale: 'zh-CN' | 'en'): Record<BreakReason, string> =>
  Object.fromEntries(BREAK_REASONS.map((r) => [r, BREAK_REASON_LABELS[r][locale]])) as Record<
    BreakReason,
    string
  >
