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

/** The project's first day, local: where 累计 starts. */
export function projectSince(ctx: ServiceContext, projectId: string): string {
  const project = ctx.db
    .select({ createdAt: projects.createdAt })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get()!
  return localDate(new Date(project.createdAt), configOf(ctx, projectId).timeZone)
}
