import { ratio } from '@anchang/shared'
import { wanText } from '../deals/money-format'

/** The figures a month's target sets and `targets.progress` counts (CONTRACT.md "From unit to money"). */
export const TARGET_FIGURES = ['visits', 'subscriptions', 'signings', 'signingFen', 'collectionFen'] as const
export type TargetFigure = (typeof TARGET_FIGURES)[number]
export type Figures = Record<TargetFigure, number>

/** Money figures are fen; the others are counts. */
export const isMoneyFigure = (figure: TargetFigure): boolean =>
  figure === 'signingFen' || figure === 'collectionFen'

/**
 * Actual ÷ target as a share, or null without a target (none set, or set to nothing: a share of
 * zero says nothing about how the month went).
 */
export function completion(actual: number, target: number | null | undefined): number | null {
  return ratio(actual, target)
}

/** `85.0%`, or `—` without a target. */
export function completionText(actual: number, target: number | null | undefined): string {
  const share = completion(actual, target)
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`
}

/**
 * A figure as the table shows it: money in 万元 with two decimals, counts as whole numbers or with
 * the half a shared sale gives (`1.5`).
 */
export function figureText(figure: TargetFigure, value: number): string {
  if (isMoneyFigure(figure)) return wanText(Math.round(value))
  return String(Math.round(value * 10) / 10)
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** `签约额（万元）`, `来访`: a figure's heading, money with the unit it is typed or shown in. */
export function figureLabel(figure: TargetFigure, t: Translate, unit: 'wan' | 'yuan' = 'wan'): string {
  const name = t(`targets.figures.${figure}`)
  return isMoneyFigure(figure) ? t('targets.inUnit', { figure: name, unit: t(`targets.${unit}`) }) : name
}

/** A count as typed: a whole number from 0 to 100 000, or null. */
export function parseCount(text: string): number | null {
  const compact = text.trim()
  if (!/^\d{1,6}$/.test(compact)) return null
  const n = Number(compact)
  return n <= 100_000 ? n : null
}

/** `2026-03` of a day `2026-03-15`. */
export const monthOf = (day: string): string => day.slice(0, 7)

/**
 * The completion of one figure per person, for the chart: whole percent with one decimal; people
 * without a target for it are left out rather than drawn at zero.
 */
export function completionBars(
  people: readonly { name: string; target: Figures | null; actual: Figures }[],
  figure: TargetFigure,
): { names: string[]; percents: number[] } {
  const names: string[] = []
  const percents: number[] = []
  for (const p of people) {
    const share = completion(p.actual[figure], p.target?.[figure])
    if (share === null) continue
    names.push(p.name)
    percents.push(Math.round(share * 1000) / 10)
  }
  return { names, percents }
}
