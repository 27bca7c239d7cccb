import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import { activities, projects } from '@anchang/db'
import { localDate, localDayRange } from '@anchang/shared'
import type { ServiceContext } from '../context'
import { configOf } from '../customers/book'

/**
 * What every report reads its periods from, written once: a visit is first (首访) unless an earlier
 * visit check-in of the same number exists in the project; a call is a call's check-in or one a
 * consultant registered on their own.
 */

/**
 * An earlier visit of the same number. Written out: drizzle leaves columns of a one-table select
 * unqualified, which inside the subquery would name the subquery's own table.
 */
export const visitedBefore = sql<number>`exists (select 1 from check_ins e where e.project_id = check_ins.project_id
    and e.phone = check_ins.phone and e.kind = 'visit' and e.at < check_ins.at)`

/** The instants the project-local days `from` to `to` (both included) span. */
export function instantsOf(ctx: ServiceContext, projectId: string, from: string, to: string) {
  const timeZone = configOf(ctx, projectId).timeZone
  return { start: localDayRange(from, timeZone).start, end: localDayRange(to, timeZone).end }
}

/** Calls a consultant registered on their own between two instants (the desk's are check-ins). */
export function registeredCalls(ctx: ServiceContext, projectId: string, start: string, end: string): number {
  return ctx.db
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
}

/**
 * The project's first day, local: where 累计 starts. A book brought in from elsewhere (an import, an
 * office that went on using paper first) holds business from before the project was created here,
 * so the earliest check-in, subscription or receipt moves it back.
 */
export function projectSince(ctx: ServiceContext, projectId: string): string {
  const project = ctx.db
    .select({ createdAt: projects.createdAt })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get()!
  const earliest = ctx.db.get<{ d: string | null }>(sql`select min(d) as d from (
      select min(date) as d from check_ins where project_id = ${projectId}
      union all select min(subscribed_on) from deals where project_id = ${projectId}
      union all select min(paid_on) from payments where project_id = ${projectId})`)
  const created = localDate(new Date(project.createdAt), configOf(ctx, projectId).timeZone)
  return earliest?.d && earliest.d < created ? earliest.d : created
}
