import { and, between, eq, notInArray } from 'drizzle-orm'
import { checkIns, deals, payments, receptions } from '@anchang/db'
import {
  DAILY_FORMULAS,
  REPORT_PERIODS,
  collectionFen,
  dealFigures,
  periodRanges,
  receptionFigures,
  visitFigures,
  type ReportDailyInput,
} from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { instantsOf, projectSince, registeredCalls, visitedBefore } from './sources'

/** The figures of `reports/figures.ts` over the project-local days `from` to `to`, both included. */
function figuresBetween(ctx: UserServiceContext, projectId: string, from: string, to: string) {
  const { start, end } = instantsOf(ctx, projectId, from, to)
  const checkedIn = ctx.db
    .select({ kind: checkIns.kind, channel: checkIns.channel, visitedBefore })
    .from(checkIns)
    .where(and(eq(checkIns.projectId, projectId), between(checkIns.date, from, to)))
    .all()
    .map((r) => ({ ...r, visitedBefore: !!r.visitedBefore }))
  const dealsOn = (column: typeof deals.subscribedOn | typeof deals.signedOn) =>
    ctx.db
      .select({ areaCentiM2: deals.areaCentiM2, priceFen: deals.priceFen })
      .from(deals)
      .where(and(eq(deals.projectId, projectId), between(column, from, to)))
      .all()
  const paid = ctx.db
    .select({ amountFen: payments.amountFen, direction: payments.direction, status: payments.status })
    .from(payments)
    .where(and(eq(payments.projectId, projectId), between(payments.paidOn, from, to)))
    .all()
  return {
    calls: checkedIn.filter((c) => c.kind === 'call').length + registeredCalls(ctx, projectId, start, end),
    ...visitFigures(checkedIn),
    subscriptions: dealFigures(dealsOn(deals.subscribedOn)),
    signings: dealFigures(dealsOn(deals.signedOn)),
    collectionFen: collectionFen(paid),
  }
}

/**
 * CONTRACT.md `reports.daily`: one day of a project in the figures of `reports/figures.ts`, from that
 * day's check-ins, calls, receptions, deals and receipts, with the formulas it used; and the same
 * figures for the week, month, year and since the project began (本周 · 本月 · 本年 · 累计).
 */
export function dailyReport({ ctx, input }: { ctx: UserServiceContext; input: ReportDailyInput }) {
  const { projectId, date } = input
  const received = ctx.db
    .select({ consultantId: receptions.consultantId, result: receptions.result })
    .from(receptions)
    .where(
      and(
        eq(receptions.projectId, projectId),
        eq(receptions.date, date),
        // A reception moved to someone else or voided was not this consultant's.
        notInArray(receptions.status, ['reassigned', 'voided']),
      ),
    )
    .all()
  const ranges = periodRanges(date, projectSince(ctx, projectId))
  const day = figuresBetween(ctx, projectId, date, date)
  return {
    date,
    ...day,
    receptions: receptionFigures(received),
    periods: Object.fromEntries(
      REPORT_PERIODS.map((p) => [
        p,
        {
          ...ranges[p],
          ...(p === 'day' ? day : figuresBetween(ctx, projectId, ranges[p].from, ranges[p].to)),
        },
      ]),
    ),
    formulas: Object.fromEntries(Object.entries(DAILY_FORMULAS).map(([k, v]) => [k, v[ctx.locale]])),
  }
}
