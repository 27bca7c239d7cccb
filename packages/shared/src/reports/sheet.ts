/**
 * The daily report's sheet (formats.md "Reports to the developer client"): 来电/来访 · 认购 · 签约 · 回款 ·
 * 退房 per period, each cell 套数 · 面积 · 金额 split by product, with the rates the project's
 * definitions choose. Pure: the server's aggregates go in, the figures every screen, export and test
 * shows come out, so no two places count differently.
 */
import { PRODUCT_TYPES, type ProductType } from '../money/price-policy'
import type { UnitStatus } from '../money/unit-status'
import type { ReportSettings } from './definitions'

/** Units, area in hundredths of a m² and amount in fen: a cell of the sheet before it is shown. */
export interface Cell {
  count: number
  areaCentiM2: number
  amountFen: number
}

/** One aggregate row of deals (or of changes) of one product. */
export interface ProductRow extends Cell {
  product: ProductType
}

export type ByProduct = Record<ProductType | 'total', Cell>

const emptyCell = (): Cell => ({ count: 0, areaCentiM2: 0, amountFen: 0 })

/** Rows summed per product and in total; a product nobody bought shows as zeros, not missing. */
export function byProduct(rows: readonly ProductRow[]): ByProduct {
  const sheet = Object.fromEntries([...PRODUCT_TYPES, 'total'].map((p) => [p, emptyCell()])) as ByProduct
  for (const row of rows) {
    for (const cell of [sheet[row.product], sheet.total]) {
      cell.count += row.count
      cell.areaCentiM2 += row.areaCentiM2
      cell.amountFen += row.amountFen
    }
  }
  return sheet
}

/** `a − b` cell by cell, product by product. */
export function minusByProduct(a: ByProduct, b: ByProduct): ByProduct {
  return Object.fromEntries(
    Object.entries(a).map(([p, cell]) => {
      const other = b[p as keyof ByProduct]
      return [
        p,
        {
          count: cell.count - other.count,
          areaCentiM2: cell.areaCentiM2 - other.areaCentiM2,
          amountFen: cell.amountFen - other.amountFen,
        },
      ]
    }),
  ) as ByProduct
}

/** A share, or null when the base is nothing (a rate over zero says nothing). */
export function ratio(part: number, base: number | null | undefined): number | null {
  return base ? part / base : null
}

/** A period's check-ins, as the server counts them. */
export interface Traffic {
  calls: number
  /** Parties (组) and persons (人次) of first visits (首访) and return visits (复访). */
  first: { parties: number; persons: number }
  returning: { parties: number; persons: number }
  /** Distinct numbers that visited. */
  visitingCustomers: number
}

/** The visits the project's definition counts. */
export function countedVisits(traffic: Traffic, settings: ReportSettings): number {
  const unit = settings.visitUnit === 'party' ? 'parties' : 'persons'
  return traffic.first[unit] + (settings.visitCount === 'all' ? traffic.returning[unit] : 0)
}

/** What a period's rates are computed from, beside its traffic. */
export interface ConversionBase {
  subscriptions: number
  subscribingCustomers: number
  signingCustomers: number
}

/** The period's rates: visit → subscription by the project's definition, visit → signing, call → visit. */
export function periodRates(traffic: Traffic, deals: ConversionBase, settings: ReportSettings) {
  const personVisits = traffic.first.persons + traffic.returning.persons
  return {
    conversion:
      settings.conversion === 'customers'
        ? ratio(deals.subscribingCustomers, traffic.visitingCustomers)
        : ratio(deals.subscriptions, personVisits),
    visitToSigning: ratio(deals.signingCustomers, traffic.visitingCustomers),
    callToVisit: ratio(countedVisits(traffic, settings), traffic.calls),
  }
}

/** A period's money: receipts in (loan and other apart) and refunds, all valid ones. */
export interface Money {
  loanFen: number
  otherFen: number
  refundFen: number
  /** Of the money in, what came on deals subscribed in the period (the rest is on earlier deals). */
  newDealsFen: number
}

export function collectionFigures(money: Money) {
  const inFen = money.loanFen + money.otherFen
  return {
    ...money,
    inFen,
    earlierDealsFen: inFen - money.newDealsFen,
    netFen: inFen - money.refundFen,
  }
}

/** Units per product and status: the stock the sheet reports and the sell-through divides. */
export interface StockRow extends Cell {
  product: ProductType
  status: UnitStatus
}

/** 剩余可售 per product and 去化率 by the project's definition. */
export function stockFigures(rows: readonly StockRow[], settings: ReportSettings) {
  const count = (statuses: readonly UnitStatus[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.count, 0)
  const all = count(['available', 'held', 'subscribed', 'signed', 'withheld'])
  const signed = count(['signed'])
  const sellThrough =
    settings.sellThrough === 'soldOfAll'
      ? ratio(signed, all)
      : settings.sellThrough === 'soldOfReleased'
        ? ratio(signed, all - count(['withheld']))
        : ratio(signed + count(['subscribed']), all)
  return {
    remaining: byProduct(rows.filter((r) => r.status === 'available' || r.status === 'held')),
    units: all,
    sellThrough,
  }
}
