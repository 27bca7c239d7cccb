import {
  addDays,
  scheduleFromPlan,
  yuanText,
  type DealChangeKind,
  type DealStatus,
  type PaymentMethod,
  type PaymentPlan,
  type PriceRule,
  type UnitStatus,
} from '@anchang/shared'
import { parseYuan, yuanInput } from './money-format'

type Translate = (key: string, params?: Record<string, unknown>) => string
type TagType = 'default' | 'info' | 'success' | 'warning' | 'error'

export function dealStatusTag(status: DealStatus): TagType {
  return status === 'signed'
    ? 'success'
    : status === 'subscribed'
      ? 'info'
      : status === 'forfeited'
        ? 'warning'
        : 'default'
}

export function unitStatusTag(status: UnitStatus): TagType {
  return status === 'available'
    ? 'success'
    : status === 'subscribed'
      ? 'info'
      : status === 'signed'
        ? 'warning'
        : 'default'
}

/**
 * The changes a person asks for from the deal page, and the statuses each starts from (the server's
 * rule): 挞定 only before signing.
 */
const CHANGES_FROM: Partial<Record<DealChangeKind, readonly DealStatus[]>> = {
  cancel: ['subscribed', 'signed'],
  forfeit: ['subscribed'],
  changeUnit: ['subscribed', 'signed'],
  rename: ['subscribed', 'signed'],
  changePrice: ['subscribed', 'signed'],
}

export function changeKindsFor(status: DealStatus): DealChangeKind[] {
  return (Object.keys(CHANGES_FROM) as DealChangeKind[]).filter((k) => CHANGES_FROM[k]?.includes(status))
}

/** The signing deadline offered at subscription: today plus the project's days. */
export const defaultSignBy = (today: string, signWithinDays: number): string => addDays(today, signWithinDays)

/** The payment-plan templates for a deal's payment method (按揭 deals start from a mortgage plan). */
export function plansFor(plans: readonly PaymentPlan[], method: PaymentMethod): PaymentPlan[] {
  return plans.filter((p) => p.paymentMethod === method)
}

/** One row of the schedule being typed: the amount is yuan as typed, read exactly when it is sent. */
export interface ScheduleDraftRow {
  label: string
  dueOn: string | null
  amount: string
}

/** A template's schedule for a deal, as rows to edit. */
export function draftFromPlan(
  plan: PaymentPlan,
  deal: { priceFen: number; depositFen: number; subscribedOn: string },
): ScheduleDraftRow[] {
  return scheduleFromPlan(plan, {
    priceFen: deal.priceFen,
    depositFen: deal.depositFen,
    subscribedOn: deal.subscribedOn,
  }).map((r) => ({ label: r.label, dueOn: r.dueOn, amount: yuanInput(r.amountFen) }))
}

/** The rows as `deals.sign` takes them, or null while one is missing its date or has an amount that is not one. */
export function scheduleInput(
  rows: readonly ScheduleDraftRow[],
): { dueOn: string; amountFen: number; label?: string }[] | null {
  const out: { dueOn: string; amountFen: number; label?: string }[] = []
  for (const row of rows) {
    const amountFen = parseYuan(row.amount)
    if (!row.dueOn || amountFen === null) return null
    out.push({ dueOn: row.dueOn, amountFen, ...(row.label.trim() ? { label: row.label.trim() } : {}) })
  }
  return out
}

/** What a change asks for, in words: the new unit, buyer or price beside the reason. */
export function changeDetailsText(
  details: { unitId?: string; priceFen?: number; customerId?: string },
  names: { unit: (id: string) => string | null; customer: (id: string) => string | null },
  t: Translate,
): string {
  const parts: string[] = []
  if (details.unitId)
    parts.push(t('deal.changes.toUnit', { unit: names.unit(details.unitId) ?? t('deal.changes.otherUnit') }))
  if (details.customerId)
    parts.push(
      t('deal.changes.toCustomer', {
        name: names.customer(details.customerId) ?? t('deal.changes.otherCustomer'),
      }),
    )
  if (details.priceFen !== undefined)
    parts.push(t('deal.changes.toPrice', { price: yuanText(details.priceFen) }))
  return parts.join(t('deal.changes.separator'))
}

/** `按揭、分期；1–5 层；2026-03-01 至 2026-03-31`: when a price rule applies, or '' for always. */
function ruleWhen(when: PriceRule['when'], t: Translate): string {
  if (!when) return ''
  const parts: string[] = []
  if (when.paymentMethods)
    parts.push(
      when.paymentMethods.map((m) => t(`paymentMethod.${m}`)).join(t('settings.sales.listSeparator')),
    )
  if (when.products)
    parts.push(when.products.map((p) => t(`product.${p}`)).join(t('settings.sales.listSeparator')))
  if (when.floors) parts.push(t('settings.sales.floors', { from: when.floors.from, to: when.floors.to }))
  if (when.orientations) parts.push(when.orientations.join(t('settings.sales.listSeparator')))
  if (when.from || when.to)
    parts.push(t('settings.sales.dates', { from: when.from ?? '…', to: when.to ?? '…' }))
  return parts.join(t('settings.sales.partSeparator'))
}

/** A price rule as one line: what it does and when. */
export function priceRuleWords(rule: PriceRule, t: Translate): string {
  const effects: string[] = []
  if (rule.kind === 'discount') {
    const kept = rule.keepBasisPoints
    effects.push(
      t('settings.sales.keep', {
        percent: `${Math.floor(kept / 100)}.${String(kept % 100).padStart(2, '0')}`,
      }),
    )
  } else {
    const sign = rule.kind === 'surcharge' ? '+' : '−'
    if (rule.kind === 'surcharge' && rule.basisPoints)
      effects.push(
        `+${Math.floor(rule.basisPoints / 100)}.${String(rule.basisPoints % 100).padStart(2, '0')}%`,
      )
    if (rule.kind === 'reduction' && rule.amountFen) effects.push(`${sign}${yuanText(rule.amountFen)}`)
    if (rule.perM2Fen)
      effects.push(t('settings.sales.perM2', { amount: `${sign}${yuanText(rule.perM2Fen)}` }))
  }
  const when = ruleWhen(rule.when, t)
  return t(when ? 'settings.sales.ruleWhen' : 'settings.sales.rule', {
    kind: t(`settings.sales.kinds.${rule.kind}`),
    label: rule.label,
    effect: effects.join(t('settings.sales.listSeparator')),
    when,
  })
}

/** A plan's rows as one line: `首付款 30%（含定金），签约后 7 天；按揭贷款 70%，60 天`. */
export function planWords(plan: PaymentPlan, t: Translate): string {
  return plan.rows
    .map((r) => {
      const share = r.basisPoints !== undefined ? `${r.basisPoints / 100}%` : yuanText(r.amountFen ?? 0)
      const due =
        r.dueOn !== undefined
          ? t('settings.sales.dueOn', { date: r.dueOn })
          : t('settings.sales.after', { n: r.afterDays ?? 0 })
      return t(r.depositCounts ? 'settings.sales.planRowDeposit' : 'settings.sales.planRow', {
        label: r.label,
        share,
        due,
      })
    })
    .join(t('settings.sales.partSeparator'))
}

/** 业绩归属 in one line: `张伟 50% · 李娜 50%`, the deal's own consultant first as the server gives them. */
export function creditText(credit: readonly { name: string; percent: number }[]): string {
  return credit.map((c) => `${c.name} ${c.percent}%`).join(' · ')
}

/**
 * The change an undo may name: the deal's latest approved one that is not itself an undo (the server
 * undoes changes newest first), or null. The list comes newest asked first; the decision day orders.
 */
export function undoableChange<
  C extends { kind: DealChangeKind; status: string; decidedAt: string | null; changeId: string },
>(changes: readonly C[]): C | null {
  const approved = changes
    .filter((c) => c.status === 'approved' && c.kind !== 'undo')
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
  return approved[0] ?? null
}
