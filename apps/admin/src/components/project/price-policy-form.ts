import type { PriceRule, PriceStepKind } from '@anchang/shared'

/**
 * The price policy as the settings page edits it: percentages typed with up to two decimals become
 * basis points exactly (read from the digits, never through a float), and each kind of rule starts
 * from a sensible blank.
 */

/** `1.5` → 150, `98` → 9 800, `97.25` → 9 725; anything else → null. */
export function percentToBasisPoints(text: string | number | null | undefined): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim())
  if (!match) return null
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return points <= 10_000 ? points : null
}

/** 150 → `1.5`, 9 800 → `98`, 9 725 → `97.25`. */
export function basisPointsToPercent(points: number): string {
  const whole = Math.floor(points / 100)
  const rest = points % 100
  return rest ? `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}` : String(whole)
}

/** A new rule of a kind, as the 添加 buttons make it: no conditions, a value the person then sets. */
export function blankRule(kind: PriceStepKind, label: string): PriceRule {
  if (kind === 'surcharge') return { kind, label, basisPoints: 100 }
  if (kind === 'discount') return { kind, label, keepBasisPoints: 9_800 }
  return { kind, label, amountFen: 1_000_000 }
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (to < 0 || to >= list.length) return [...list]
  const next = [...list]
  ;[next[index], next[to]] = [next[to]!, next[index]!]
  return next
}

/** `南北, 东南，南` → ['南北', '东南', '南']; empty → undefined (the rule holds for every orientation). */
export function orientationsOf(text: string): string[] | undefined {
  const list = [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  return list.length ? list : undefined
}
