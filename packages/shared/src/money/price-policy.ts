/**
 * The price policy (价格政策): a unit's list price through the project's surcharges, percentage
 * discounts and fixed reductions — each applying to some payment methods, floors, orientations,
 * products or dates — in the order the policy names, computed exactly in fen and rounded once, at the
 * end, to the yuan, half up. The result is the lowest price the policy allows without a director's
 * approval; each step is shown, so the consultant can explain the price to the customer.
 */
import { z } from 'zod'

export const PAYMENT_METHODS = ['full', 'mortgage', 'instalment'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const PRODUCT_TYPES = ['residential', 'commercial', 'parking'] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]
export const PRICE_STEP_KINDS = ['surcharge', 'discount', 'reduction'] as const
export type PriceStepKind = (typeof PRICE_STEP_KINDS)[number]

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const Label = z.string().trim().min(1).max(30)

/** Which units, payments and days a rule applies to; a condition left out holds for all. */
const When = z.object({
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).min(1).optional(),
  products: z.array(z.enum(PRODUCT_TYPES)).min(1).optional(),
  /** Inclusive; negative floors are below ground. */
  floors: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  orientations: z.array(z.string().trim().min(1).max(10)).min(1).optional(),
  /** A limited-time offer: the first and last day it holds (project time zone), inclusive. */
  from: IsoDay.optional(),
  to: IsoDay.optional(),
})

export const PriceRule = z.discriminatedUnion('kind', [
  /** A premium: a percentage of the price so far (basis points, 150 = 1.5 %), and/or fen per m². */
  z.object({
    kind: z.literal('surcharge'),
    label: Label,
    basisPoints: z.number().int().min(0).max(10_000).optional(),
    perM2Fen: z.number().int().min(0).max(100_000_000).optional(),
    when: When.optional(),
  }),
  /** A percentage off the price so far: 9 800 basis points kept is 98 折. */
  z.object({
    kind: z.literal('discount'),
    label: Label,
    keepBasisPoints: z.number().int().min(5_000).max(10_000),
    when: When.optional(),
  }),
  /** A fixed amount off (fen), or so much per m². */
  z.object({
    kind: z.literal('reduction'),
    label: Label,
    amountFen: z.number().int().min(0).max(1_000_000_000).optional(),
    perM2Fen: z.number().int().min(0).max(100_000_000).optional(),
    when: When.optional(),
  }),
])
export type PriceRule = z.infer<typeof PriceRule>

export const PricePolicy = z.object({
  /** The order the kinds apply in: e.g. premiums first, then 折, then 立减 (the usual one). */
  order: z
    .array(z.enum(PRICE_STEP_KINDS))
    .length(3)
    .refine((o) => new Set(o).size === 3, { message: '@priceOrder' }),
  rules: z.array(PriceRule).max(50),
})
export type PricePolicy = z.infer<typeof PricePolicy>

export const DEFAULT_PRICE_POLICY: PricePolicy = { order: ['surcharge', 'discount', 'reduction'], rules: [] }

export interface QuotedUnit {
  listPriceFen: number
  /** m² × 100 (two decimals, as stored). */
  areaCentiM2: number
  floor: number
  product: ProductType
  orientation?: string | null
}

export interface QuoteTerms {
  paymentMethod: PaymentMethod
  /** The day of the quote (project time zone), for limited-time offers. */
  on: string
}

export interface PriceStep {
  label: string
  kind: PriceStepKind | 'list' | 'rounding'
  /** The price after this step, to the fen (the exact value is kept until the final rounding). */
  priceFen: number
}

export interface Quote {
  listPriceFen: number
  /** The lowest price the policy allows without approval: whole yuan. */
  priceFen: number
  steps: PriceStep[]
}

function applies(when: z.infer<typeof When> | undefined, unit: QuotedUnit, terms: QuoteTerms): boolean {
  if (!when) return true
  if (when.paymentMethods && !when.paymentMethods.includes(terms.paymentMethod)) return false
  if (when.products && !when.products.includes(unit.product)) return false
  if (when.floors && (unit.floor < when.floors.from || unit.floor > when.floors.to)) return false
  if (when.orientations && !(unit.orientation && when.orientations.includes(unit.orientation))) return false
  if (when.from && terms.on < when.from) return false
  if (when.to && terms.on > when.to) return false
  return true
}

/** An exact amount in fen as numerator / denominator: percentages never lose a fraction of a fen. */
interface Exact {
  n: bigint
  d: bigint
}
const add = (a: Exact, fen: bigint): Exact => ({ n: a.n + fen * a.d, d: a.d })
const fenOf = (a: Exact): number => Number(roundHalfUp(a.n, a.d))
/** n / d rounded half up (n, d ≥ 0). */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d)
}
/** fen per m² × area (m² × 100) in fen, exactly. */
const perArea = (perM2Fen: number, areaCentiM2: number): Exact => ({
  n: BigInt(perM2Fen) * BigInt(areaCentiM2),
  d: 100n,
})

/** The quote for one unit and payment method on a day: each step that applies, then the rounding. */
export function quotePrice(policy: PricePolicy, unit: QuotedUnit, terms: QuoteTerms): Quote {
  let price: Exact = { n: BigInt(unit.listPriceFen), d: 1n }
  const steps: PriceStep[] = [{ label: '表价', kind: 'list', priceFen: unit.listPriceFen }]
  for (const kind of policy.order) {
    for (const rule of policy.rules) {
      if (rule.kind !== kind || !applies(rule.when, unit, terms)) continue
      if (rule.kind === 'surcharge') {
        if (rule.basisPoints) price = { n: price.n * BigInt(10_000 + rule.basisPoints), d: price.d * 10_000n }
        if (rule.perM2Fen) {
          const extra = perArea(rule.perM2Fen, unit.areaCentiM2)
          price = { n: price.n * extra.d + extra.n * price.d, d: price.d * extra.d }
        }
      } else if (rule.kind === 'discount') {
        price = { n: price.n * BigInt(rule.keepBasisPoints), d: price.d * 10_000n }
      } else {
        if (rule.amountFen) price = add(price, -BigInt(rule.amountFen))
        if (rule.perM2Fen) {
          const off = perArea(rule.perM2Fen, unit.areaCentiM2)
          price = { n: price.n * off.d - off.n * price.d, d: price.d * off.d }
        }
      }
      // Reductions never take a price below nothing.
      if (price.n < 0n) price = { n: 0n, d: 1n }
      steps.push({ label: rule.label, kind, priceFen: fenOf(price) })
    }
  }
  // The one rounding: to the yuan, half up.
  const priceFen = Number(roundHalfUp(price.n, price.d * 100n) * 100n)
  steps.push({ label: '取整到元', kind: 'rounding', priceFen })
  return { listPriceFen: unit.listPriceFen, priceFen, steps }
}
