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
 * The schedule for one deal: the rows in due order, amounts summing to the price exactly. A row the
 * deposit counts towards is due less the deposit (never below nothing); the remainder of rounding, and
 * whatever the shares leave, falls to the last row, so the schedule can never fail to add up.
 */
export function scheduleFromPlan(plan: PaymentPlan, terms: PlanTerms): ScheduleRow[] {
  const unit = plan.rounding === 'yuan' ? 100 : 1
  let depositLeft = terms.depositFen
  const rows = plan.rows.map((row) => {
    const share =
      row.amountFen ?? Math.round((terms.priceFen * (row.basisPoints ?? 0)) / 10_000 / unit) * unit
    let amountFen = share
    if (row.depositCounts && depositLeft > 0) {
      const credited = Math.min(depositLeft, amountFen)
      amountFen -= credited
      depositLeft -= credited
    }
    return {
      label: row.label,
      dueOn: row.dueOn ?? addDays(terms.subscribedOn, row.afterDays ?? 0),
      amountFen,
    }
  })
  // What the schedule owes is the price less the deposit it already counted.
  const owed = terms.priceFen - (terms.depositFen - depositLeft)
  const before = rows.slice(0, -1).reduce((sum, r) => sum + r.amountFen, 0)
  const last = rows.at(-1)!
  last.amountFen = Math.max(0, owed - before)
  return rows.filter((r, i) => r.amountFen > 0 || i === rows.length - 1)
}
