/**
 * The figures a sales office reports (DOMAIN.md "Reports", formats.md "Reports to the developer
 * client"), each defined once: the daily report, the dashboard, the exports and the tests all
 * compute them here, from the day's rows, with the definitions CONTRACT.md names as the defaults.
 */

/** One party's check-in (组) of the day, and whether the number had visited the project before. */
export interface VisitRow {
  kind: 'visit' | 'call'
  channel: string | null
  /** An earlier visit check-in of the same number in the project exists. */
  visitedBefore: boolean
}

export interface ReceptionRow {
  consultantId: string
  result: 'valid' | 'invalid' | null
}

export interface DealRow {
  areaCentiM2: number
  priceFen: number
}

export interface PaymentRow {
  amountFen: number
  direction: 'in' | 'refund'
  status: 'valid' | 'void'
}

/** The formula each figure uses, printed on the report so its reader knows what was counted. */
export const DAILY_FORMULAS = {
  visits: {
    'zh-CN': '来访 = 当日来访登记组数（不论接待结果）；首访 = 该号码在本项目的第一次来访，其余为复访',
    en: 'Visits = parties checked in that day (whatever the result); first = the number’s first visit to the project, the rest returning',
  },
  calls: {
    'zh-CN': '来电 = 当日接听登记的来电（前台来电与顾问来电登记），不论结果',
    en: 'Calls = calls taken that day (at the desk or registered by a consultant), whatever the result',
  },
  deals: {
    'zh-CN': '认购/签约 = 当日认购/签约的成交套数、面积与成交价',
    en: 'Subscriptions / signings = deals subscribed / signed that day: units, area and price',
  },
  collection: {
    'zh-CN': '回款 = 当日收款日期的有效收据金额（作废与退款除外）',
    en: 'Collection = valid receipts dated that day (voids and refunds excluded)',
  },
} as const

export function visitFigures(rows: readonly VisitRow[]) {
  const visits = rows.filter((r) => r.kind === 'visit')
  const byChannel = new Map<string | null, { first: number; returning: number }>()
  for (const v of visits) {
    const entry = byChannel.get(v.channel) ?? { first: 0, returning: 0 }
    if (v.visitedBefore) entry.returning++
    else entry.first++
    byChannel.set(v.channel, entry)
  }
  return {
    visits: {
      first: visits.filter((v) => !v.visitedBefore).length,
      returning: visits.filter((v) => v.visitedBefore).length,
    },
    visitsByChannel: [...byChannel.entries()]
      .map(([channel, n]) => ({ channel, ...n }))
      .sort(
        (a, b) =>
          b.first + b.returning - (a.first + a.returning) ||
          String(a.channel).localeCompare(String(b.channel)),
      ),
  }
}

/** Each consultant's receptions of the day: received, and how many ended valid or invalid. */
export function receptionFigures(rows: readonly ReceptionRow[]) {
  const by = new Map<string, { consultantId: string; received: number; valid: number; invalid: number }>()
  for (const r of rows) {
    const entry = by.get(r.consultantId) ?? {
      consultantId: r.consultantId,
      received: 0,
      valid: 0,
      invalid: 0,
    }
    entry.received++
    if (r.result === 'valid') entry.valid++
    if (r.result === 'invalid') entry.invalid++
    by.set(r.consultantId, entry)
  }
  return [...by.values()].sort(
    (a, b) => b.received - a.received || a.consultantId.localeCompare(b.consultantId),
  )
}

/** Units, area (m², exact to the hundredth) and amount of a set of deals. */
export function dealFigures(rows: readonly DealRow[]) {
  const centi = rows.reduce((sum, d) => sum + d.areaCentiM2, 0)
  return {
    count: rows.length,
    areaM2: centi / 100,
    amountFen: rows.reduce((sum, d) => sum + d.priceFen, 0),
  }
}

/** Money in on valid receipts: voids and refunds do not count as collection. */
export function collectionFen(rows: readonly PaymentRow[]): number {
  return rows
    .filter((p) => p.status === 'valid' && p.direction === 'in')
    .reduce((sum, p) => sum + p.amountFen, 0)
}
