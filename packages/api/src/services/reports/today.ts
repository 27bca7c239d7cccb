import { and, eq, sql } from 'drizzle-orm'
import { appeals, dealChanges, ownershipConflicts, specialPrices } from '@anchang/db'
import { localDate } from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { configOf } from '../customers/book'
import { periodSheet, targetsOf } from './sheet'

const counted = (query: { get(): { n: number } | undefined }) => Number(query.get()?.n ?? 0)

/** What waits on the managers and the director: open appeals, open 撞单, approvals to decide. */
function waitingOnManagers(ctx: UserServiceContext, projectId: string) {
  const n = sql<number>`count(*)`
  return {
    appeals: counted(
      ctx.db
        .select({ n })
        .from(appeals)
        .where(and(eq(appeals.projectId, projectId), eq(appeals.status, 'open'))),
    ),
    conflicts: counted(
      ctx.db
        .select({ n })
        .from(ownershipConflicts)
        .where(and(eq(ownershipConflicts.projectId, projectId), eq(ownershipConflicts.status, 'open'))),
    ),
    approvals:
      counted(
        ctx.db
          .select({ n })
          .from(specialPrices)
          .where(and(eq(specialPrices.projectId, projectId), eq(specialPrices.status, 'pending'))),
      ) +
      counted(
        ctx.db
          .select({ n })
          .from(dealChanges)
          .where(and(eq(dealChanges.projectId, projectId), eq(dealChanges.status, 'pending'))),
      ),
  }
}

/**
 * `reports.today`: the project's day so far, as the director's and the managers' first screen shows
 * it — visits first and returning, calls, who is waiting and receiving now, the day's subscriptions,
 * signings and collection, the month's net signings and collection against target, and what waits
 * on them. The same definitions as the daily report (reports/sheet.ts), read at this moment.
 */
export function todayFigures({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const { projectId } = input
  const config = configOf(ctx, projectId)
  const date = localDate(ctx.now, config.timeZone)
  const day = periodSheet(ctx, projectId, config.settings.reports, date, date)
  const month = periodSheet(ctx, projectId, config.settings.reports, `${date.slice(0, 7)}-01`, date)
  const board = ctx.deps.rotation.board(projectId, ctx.now)
  return {
    date,
    at: ctx.now.toISOString(),
    traffic: day.traffic,
    waiting: board.waiting.length,
    receiving: board.receiving.length,
    onDuty: board.queue.length,
    subscriptions: day.subscriptions.total,
    signings: day.signings.total,
    collection: day.collection,
    month: {
      netSignings: month.netSignings.total,
      collectionNetFen: month.collection.netFen,
      targets: targetsOf(ctx, projectId, date, month).month,
    },
    waitingOnYou: waitingOnManagers(ctx, projectId),
  }
}
export type TodayFigures = ReturnType<typeof todayFigures>

/**
 * `reports.onToday`: the day's figures now, then again after every change of the floor (a check-in,
 * a reception), of a unit (a subscription, a signing) or any other audited write of the project (a
 * payment, an approval). Ends when the client goes away, the server shuts down or the caller's access
 * ends (the transport's check).
 */
export async function* watchToday({
  ctx,
  input,
  signal,
}: {
  ctx: UserServiceContext
  input: { projectId: string }
  signal?: AbortSignal | undefined
}) {
  // A burst of changes (a busy minute at the kiosk) is one re-read: a change while reading or
  // waiting marks the figures stale, and the loop reads once per wake-up.
  let stale = false
  let wake: (() => void) | null = null
  const poke = () => {
    stale = true
    wake?.()
  }
  const stops = [
    ctx.deps.rotation.onBoard(input.projectId, poke),
    ctx.deps.units.on(input.projectId, poke),
    ctx.deps.activity.on(input.projectId, poke),
  ]
  signal?.addEventListener('abort', () => wake?.(), { once: true })
  const read = () => todayFigures({ ctx: { ...ctx, now: ctx.deps.clock() }, input })
  try {
    yield read()
    while (!signal?.aborted) {
      if (!stale) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      if (signal?.aborted) break
      stale = false
      yield read()
    }
  } finally {
    for (const stop of stops) stop()
  }
}
