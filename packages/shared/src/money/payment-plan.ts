/**
 * Payment-plan templates (付款方式模板): the rows a project's signing starts from — each due some days
 * after subscription or on a fixed date, for a share of the price or a fixed amount, with or without
 * the deposit counted towards it — and the schedule one deal gets from them, summing to its price
 * exactly: every share is rounded as the template says and the last row takes what remains.
 */
import { z } from 'zod'
import { addDays } from '../time'
import { isCalendarDate } from '../schemas/common'
import { PAYMENT_METHODS } from './price-policy'
import { MAX_FEN } from './words'

export const PlanRow = z
  .object({
    label: z.string().trim().min(1).max(20),
    /** Due this many days after the subscription, or on `dueOn`. */
    afterDays: z.number().int().min(0).max(3650).optional(),
    dueOn: z.string().refine(isCalendarDate, { error: '@date' }).optional(),
    /** A share of the price in basis points (3 000 = 30 %), or a fixed amount. */
    basisPoints: z.number().int().min(1).max(10_000).optional(),
    amountFen: z.number().int().min(1).max(MAX_FEN).optional(),
    /** The deposit already paid counts towards this row (首付含定金). */
    depositCounts: z.boolean().default(false),
  })
  .refine((r) => (r.afterDays === undefined) !== (r.dueOn === undefined), { error: '@planRowDue' })
  .refine((r) => (r.basisPoints === undefined) !== (r.amountFen === undefined), { error: '@planRowAmount' })
export type PlanRow = z.infer<typeof PlanRow>

export const PaymentPlan = z.object({
  name: z.string().trim().min(1).max(30),
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Shares are rounded to the yuan (the usual) or kept to the fen. */
  rounding: z.enum(['yuan', 'fen']).default('yuan'),
  rows: z.array(PlanRow).min(1).max(24),
})
export type PaymentPlan = z.infer<typeof PaymentPlan>

export interface ScheduleRow {
  label: string
  dueOn: string
  amountFen: number
}

export interface PlanTerms {
  priceFen: number
  depositFen: number
  /** The day of the subscription (project time zone): `afterDays` count from here. */
  subscribedOn: string
}

/**
 * The schedule for one deal: the rows in due order, amounts summing to the price exactly. The deposit
 * is part of the price: a row it counts towards (首付含定金) includes it, and the deposit paid is
 * credited to that row; when no row counts it, the deposit is a row of its own, due on the day of
 * subscription. A row never asks more than is left, and the last takes whatever the shares and
 * the rounding leave, so the schedule cannot fail to add up.
 */
export function scheduleFromPlan(plan: PaymentPlan, terms: PlanTerms): ScheduleRow[] {
  const unit = plan.rounding === 'yuan' ? 100 : 1
  const ownDepositRow = terms.depositFen > 0 && !plan.rows.some((r) => r.depositCounts)
  const rows: ScheduleRow[] = ownDepositRow
    ? [{ label: '定金', dueOn: terms.subscribedOn, amountFen: terms.depositFen }]
    : []
  let left = terms.priceFen - (ownDepositRow ? terms.depositFen : 0)
  plan.rows.forEach((row, i) => {
    const last = i === plan.rows.length - 1
    const share =
      row.amountFen ?? Math.round((terms.priceFen * (row.basisPoints ?? 0)) / 10_000 / unit) * unit
    const amountFen = last ? left : Math.min(share, left)
    left -= amountFen
    rows.push({
      label: row.label,
      dueOn: row.dueOn ?? addDays(terms.subscribedOn, row.afterDays ?? 0),
      amountFen,
    })
  })
  return rows.filter((r, i) => r.amountFen > 0 || i === rows.length - 1)
}
