import { aliasedTable, and, between, eq, inArray, or, sql } from 'drizzle-orm'
import { checkIns, customers, dealChanges, deals, payments, targets, unitEvents, units } from '@anchang/db'
import {
  REPORT_PERIODS,
  byProduct,
  collectionFigures,
  countedVisits,
  minusByProduct,
  periodRanges,
  periodRates,
  ratio,
  reportFormulas,
  stockFigures,
  unitPlaceLabel,
  type ProductRow,
  type ProductType,
  type ReportSettings,
  type ReportSheetInput,
  type StockRow,
  type Traffic,
  type UnitStatus,
} from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { configOf, displayName, namesOf } from '../customers/book'
import { instantsOf, projectSince, registeredCalls, visitedBefore } from './sources'

const n = (value: number | null | undefined) => Number(value ?? 0)

/** Check-ins of the period: parties and persons, first and returning, and the distinct numbers. */
function trafficBetween(ctx: UserServiceContext, projectId: string, from: string, to: string): Traffic {
  const { start, end } = instantsOf(ctx, projectId, from, to)
  const inPeriod = and(eq(checkIns.projectId, projectId), between(checkIns.date, from, to))
  const groups = ctx.db
    .select({
      kind: checkIns.kind,
      before: visitedBefore,
      parties: sql<number>`count(*)`,
      persons: sql<number>`sum(${checkIns.partySize})`,
    })
    .from(checkIns)
    .where(inPeriod)
    .groupBy(checkIns.kind, visitedBefore)
    .all()
  const visits = (before: boolean) => {
    const g = groups.find((r) => r.kind === 'visit' && !!r.before === before)
    return { parties: n(g?.parties), persons: n(g?.persons) }
  }
  const visitingCustomers = ctx.db
    .select({ n: sql<number>`count(distinct ${checkIns.phone})` })
    .from(checkIns)
    .where(and(inPeriod, eq(checkIns.kind, 'visit')))
    .get()!.n
  return {
    calls:
      groups.filter((r) => r.kind === 'call').reduce((sum, r) => sum + n(r.parties), 0) +
      registeredCalls(ctx, projectId, start, end),
    first: visits(false),
    returning: visits(true),
    visitingCustomers,
  }
}

/** Deals subscribed or signed in the period, per product, and how many customers they were. */
function dealsOn(
  ctx: UserServiceContext,
  projectId: string,
  column: typeof deals.subscribedOn | typeof deals.signedOn,
  from: string,
  to: string,
) {
  const where = and(eq(deals.projectId, projectId), between(column, from, to))
  const rows = ctx.db
    .select({
      product: units.product,
      count: sql<number>`count(*)`,
      areaCentiM2: sql<number>`sum(${deals.areaCentiM2})`,
      amountFen: sql<number>`sum(${deals.priceFen})`,
    })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .where(where)
    .groupBy(units.product)
    .all()
  const buyers = ctx.db
    .select({ n: sql<number>`count(distinct ${deals.customerId})` })
    .from(deals)
    .where(where)
    .get()!.n
  return { sheet: byProduct(rows), buyers }
}

/**
 * Changes the director approved in the period (decided between the period's instants): 退房 and 挞定
 * apart by what they cancelled, at the price before; and 换房 of deals signed before the period,
 * which move area and amount from the old unit's product to the new one's, not the count.
 */
function changesBetween(ctx: UserServiceContext, projectId: string, from: string, to: string) {
  const { start, end } = instantsOf(ctx, projectId, from, to)
  const decided = and(
    eq(dealChanges.projectId, projectId),
    eq(dealChanges.status, 'approved'),
    sql`${dealChanges.decidedAt} >= ${start} and ${dealChanges.decidedAt} < ${end}`,
  )
  const cancelled = ctx.db
    .select({
      was: sql<string>`json_extract(${dealChanges.before}, '$.status')`,
      product: units.product,
      count: sql<number>`count(*)`,
      areaCentiM2: sql<number>`sum(${deals.areaCentiM2})`,
      amountFen: sql<number>`sum(json_extract(${dealChanges.before}, '$.priceFen'))`,
    })
    .from(dealChanges)
    .innerJoin(deals, eq(deals.id, dealChanges.dealId))
    .innerJoin(units, eq(units.id, deals.unitId))
    .where(and(decided, inArray(dealChanges.kind, ['cancel', 'forfeit'])))
    .groupBy(sql`1`, units.product)
    .all()
  const oldUnit = aliasedTable(units, 'old_unit')
  const newUnit = aliasedTable(units, 'new_unit')
  const moves = ctx.db
    .select({
      oldProduct: oldUnit.product,
      oldArea: oldUnit.areaCentiM2,
      oldPrice: sql<number>`json_extract(${dealChanges.before}, '$.priceFen')`,
      newProduct: newUnit.product,
      newArea: newUnit.areaCentiM2,
      newPrice: sql<number>`json_extract(${dealChanges.details}, '$.priceFen')`,
    })
    .from(dealChanges)
    .innerJoin(deals, eq(deals.id, dealChanges.dealId))
    .innerJoin(oldUnit, sql`${oldUnit.id} = json_extract(${dealChanges.before}, '$.unitId')`)
    .innerJoin(newUnit, sql`${newUnit.id} = json_extract(${dealChanges.details}, '$.unitId')`)
    .where(
      and(
        decided,
        eq(dealChanges.kind, 'changeUnit'),
        sql`json_extract(${dealChanges.before}, '$.status') = 'signed'`,
        sql`${deals.signedOn} < ${from}`,
      ),
    )
    .all()
  const of = (was: string) =>
    byProduct(cancelled.filter((r) => r.was === was).map((r) => ({ ...r, count: n(r.count) })))
  const moved: ProductRow[] = moves.flatMap((m) => [
    { product: m.oldProduct, count: 0, areaCentiM2: -m.oldArea, amountFen: -n(m.oldPrice) },
    { product: m.newProduct, count: 0, areaCentiM2: m.newArea, amountFen: n(m.newPrice) },
  ])
  return { subscriptions: of('subscribed'), signings: of('signed'), moved: byProduct(moved) }
}

/** Valid receipts dated in the period: loan and other money in, refunds, and what came on new deals. */
function moneyBetween(ctx: UserServiceContext, projectId: string, from: string, to: string) {
  const rows = ctx.db
    .select({
      direction: payments.direction,
      loan: sql<number>`${payments.kind} = 'loan'`,
      fresh: sql<number>`${deals.subscribedOn} >= ${from}`,
      amountFen: sql<number>`sum(${payments.amountFen})`,
    })
    .from(payments)
    .innerJoin(deals, eq(deals.id, payments.dealId))
    .where(
      and(
        eq(payments.projectId, projectId),
        eq(payments.status, 'valid'),
        between(payments.paidOn, from, to),
      ),
    )
    .groupBy(payments.direction, sql`2`, sql`3`)
    .all()
  const sum = (keep: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(keep).reduce((total, r) => total + n(r.amountFen), 0)
  return collectionFigures({
    loanFen: sum((r) => r.direction === 'in' && !!r.loan),
    otherFen: sum((r) => r.direction === 'in' && !r.loan),
    refundFen: sum((r) => r.direction === 'refund'),
    newDealsFen: sum((r) => r.direction === 'in' && !!r.fresh),
  })
}

/** One period's figures of the sheet, by the project's definitions. */
export function periodSheet(
  ctx: UserServiceContext,
  projectId: string,
  settings: ReportSettings,
  from: string,
  to: string,
) {
  const traffic = trafficBetween(ctx, projectId, from, to)
  const subscribed = dealsOn(ctx, projectId, deals.subscribedOn, from, to)
  const signed = dealsOn(ctx, projectId, deals.signedOn, from, to)
  const changes = changesBetween(ctx, projectId, from, to)
  const netSignings = minusByProduct(signed.sheet, minusByProduct(changes.signings, changes.moved))
  return {
    from,
    to,
    traffic: { ...traffic, visits: countedVisits(traffic, settings) },
    subscriptions: subscribed.sheet,
    signings: signed.sheet,
    cancellations: { subscriptions: changes.subscriptions, signings: changes.signings },
    netSignings,
    collection: moneyBetween(ctx, projectId, from, to),
    rates: periodRates(
      traffic,
      {
        subscriptions: subscribed.sheet.total.count,
        subscribingCustomers: subscribed.buyers,
        signingCustomers: signed.buyers,
      },
      settings,
    ),
  }
}
export type PeriodSheet = ReturnType<typeof periodSheet>

const TARGETED = ['visits', 'subscriptions', 'signings', 'signingFen', 'collectionFen'] as const
type Targeted = Record<(typeof TARGETED)[number], number>

/** What a target's figures compare with: visits by definition, net signings, net collection. */
const actualOf = (p: PeriodSheet): Targeted => ({
  visits: p.traffic.visits,
  subscriptions: p.subscriptions.total.count,
  signings: p.netSignings.total.count,
  signingFen: p.netSignings.total.amountFen,
  collectionFen: p.collection.netFen,
})

/**
 * The project's target of the month and of the year (its months' sum), with actual and 完成率 beside;
 * the year's only when its figures are given.
 */
export function targetsOf(
  ctx: UserServiceContext,
  projectId: string,
  date: string,
  month: PeriodSheet,
  year?: PeriodSheet,
) {
  const rows = ctx.db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.projectId, projectId),
        eq(targets.consultantId, ''),
        sql`substr(${targets.month}, 1, 4) = ${date.slice(0, 4)}`,
      ),
    )
    .all()
  const compare = (set: typeof rows, actual: Targeted) => {
    if (!set.length) return null
    const target = Object.fromEntries(
      TARGETED.map((k) => [k, set.reduce((sum, r) => sum + r[k], 0)]),
    ) as Targeted
    return {
      target,
      actual,
      completion: Object.fromEntries(TARGETED.map((k) => [k, ratio(actual[k], target[k])])) as Record<
        keyof Targeted,
        number | null
      >,
    }
  }
  return {
    month: compare(
      rows.filter((r) => r.month === date.slice(0, 7)),
      actualOf(month),
    ),
    year: year ? compare(rows, actualOf(year)) : null,
  }
}

/** The day's subscriptions and signings, one row each: what the daily report lists. */
function dealsOfDay(ctx: UserServiceContext, projectId: string, date: string) {
  const rows = ctx.db
    .select({
      dealId: deals.id,
      subscribedOn: deals.subscribedOn,
      signedOn: deals.signedOn,
      status: deals.status,
      building: units.building,
      entrance: units.entrance,
      room: units.room,
      product: units.product,
      areaCentiM2: deals.areaCentiM2,
      priceFen: deals.priceFen,
      paymentMethod: deals.paymentMethod,
      consultantId: deals.consultantId,
      customer: { fullName: customers.fullName, surname: customers.surname, title: customers.title },
    })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .where(and(eq(deals.projectId, projectId), or(eq(deals.subscribedOn, date), eq(deals.signedOn, date))))
    .orderBy(units.building, units.entrance, units.room)
    .all()
  const names = namesOf(
    ctx.db,
    rows.map((r) => r.consultantId),
  )
  return rows.flatMap((r) => {
    const row = {
      dealId: r.dealId,
      unit: unitPlaceLabel(r),
      product: r.product,
      customerName: displayName(r.customer),
      areaCentiM2: r.areaCentiM2,
      // 单价 per m², to the fen: what the price works out at over the area sold.
      unitPriceFen: r.areaCentiM2 ? Math.round((r.priceFen * 100) / r.areaCentiM2) : 0,
      priceFen: r.priceFen,
      paymentMethod: r.paymentMethod,
      consultantName: names.get(r.consultantId) ?? '',
      status: r.status,
    }
    const events: ('subscription' | 'signing')[] = []
    if (r.subscribedOn === date) events.push('subscription')
    if (r.signedOn === date) events.push('signing')
    return events.map((event) => ({ ...row, event }))
  })
}

/**
 * The project's units as they stood at the end of the day: each unit's status from its last event by
 * then (every unit has one from its import), so a report of an earlier day shows that day's stock.
 */
function stockAt(ctx: UserServiceContext, projectId: string, date: string, settings: ReportSettings) {
  const { end } = instantsOf(ctx, projectId, date, date)
  const rows = ctx.db
    .select({
      product: units.product,
      status: unitEvents.toStatus,
      count: sql<number>`count(*)`,
      areaCentiM2: sql<number>`sum(${units.areaCentiM2})`,
      amountFen: sql<number>`sum(${units.listPriceFen})`,
    })
    .from(units)
    .innerJoin(
      unitEvents,
      sql`${unitEvents.id} = (select max(x.id) from unit_events x where x.unit_id = ${units.id} and x.at < ${end})`,
    )
    .where(eq(units.projectId, projectId))
    .groupBy(units.product, unitEvents.toStatus)
    .all()
  return stockFigures(
    rows.map((r) => ({
      product: r.product as ProductType,
      status: r.status as UnitStatus,
      count: n(r.count),
      areaCentiM2: n(r.areaCentiM2),
      amountFen: n(r.amountFen),
    })) satisfies StockRow[],
    settings,
  )
}

/**
 * `reports.sheet`: the daily report as a sales office sends it (formats.md) — 来电/来访 · 认购 · 签约 ·
 * 回款 · 退房 for 本日 · 本周 · 本月 · 本年 · 累计, per product, with the month's and the year's targets,
 * the day's deals, the stock left and the formulas of the project's definitions.
 */
export function reportSheet({ ctx, input }: { ctx: UserServiceContext; input: ReportSheetInput }) {
  const { projectId, date } = input
  const settings = configOf(ctx, projectId).settings.reports
  const ranges = periodRanges(date, projectSince(ctx, projectId))
  const periods = Object.fromEntries(
    REPORT_PERIODS.map((p) => [p, periodSheet(ctx, projectId, settings, ranges[p].from, ranges[p].to)]),
  ) as Record<(typeof REPORT_PERIODS)[number], PeriodSheet>
  return {
    date,
    definitions: settings,
    periods,
    targets: targetsOf(ctx, projectId, date, periods.month, periods.year),
    deals: dealsOfDay(ctx, projectId, date),
    stock: stockAt(ctx, projectId, date, settings),
    formulas: reportFormulas(settings, ctx.locale),
  }
}
