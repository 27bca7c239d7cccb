import { and, between, eq, gte, isNull, lt, notInArray, sql } from 'drizzle-orm'
import { activities, checkIns, deals, payments, projects, receptions } from '@anchang/db'
import {
  DAILY_FORMULAS,
  REPORT_PERIODS,
  collectionFen,
  dealFigures,
  localDate,
  localDayRange,
  periodRanges,
  receptionFigures,
  visitFigures,
  type ReportDailyInput,
} from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { configOf } from '../customers/book'

/** The figures of `reports/figures.ts` over the project-local days `from` to `to`, both included. */
function figuresBetween(ctx: UserServiceContext, projectId: string, from: string, to: string) {
  const timeZone = configOf(ctx, projectId).timeZone
  const start = localDayRange(from, timeZone).start
  const end = localDayRange(to, timeZone).end
  // Written out: drizzle leaves columns of a one-table select unqualified, which inside the subquery
  // would name the subquery's own table.
  const earlier = sql<number>`exists (select 1 from check_ins e where e.project_id = check_ins.project_id
    and e.phone = check_ins.phone and e.kind = 'visit' and e.at < check_ins.at)`
  const checkedIn = ctx.db
    .select({ kind: checkIns.kind, channel: checkIns.channel, visitedBefore: earlier })
    .from(checkIns)
    .where(and(eq(checkIns.projectId, projectId), between(checkIns.date, from, to)))
    .all()
    .map((r) => ({ ...r, visitedBefore: !!r.visitedBefore }))
  // A call is one taken at the desk (a call's check-in) or one a consultant registered on its own.
  const registeredCalls = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(activities)
    .where(
      and(
        eq(activities.projectId, projectId),
        eq(activities.type, 'call'),
        isNull(activities.receptionId),
        gte(activities.happenedAt, start),
        lt(activities.happenedAt, end),
      ),
    )
    .get()!.n
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
    calls: checkedIn.filter((c) => c.kind === 'call').length + registeredCalls,
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
  const project = ctx.db
    .select({ createdAt: projects.createdAt })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get()!
  const ranges = periodRanges(date, localDate(new Date(project.createdAt), configOf(ctx, projectId).timeZone))
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
