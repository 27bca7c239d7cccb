/**
 * 日结: the source manual has consultants hand in the day's registrations before leaving. A
 * consultant's day lists what is still missing (receptions left open, visits without a grade or a
 * visit registration, follow-ups due and not logged); closing records it. The office (assistant,
 * manager, director) sees who has and has not closed, every late entry, and the leads left alone.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm'
import { activities, customers, dayCloses, projectMembers, receptions, users } from '@anchang/db'
import { localDate, localDayRange, type ActivityType } from '@anchang/shared'
import type { UserServiceContext } from '../context'
import { audit } from '../audit'
import { configOf, displayName, namesOf } from './book'

export interface DayMissing {
  unfinished: { receptionId: string; since: string; customerId: string | null; name: string }[]
  ungraded: { customerId: string; name: string; at: string }[]
  unregistered: { customerId: string; name: string; at: string }[]
  followUpsDue: { customerId: string; name: string; dueOn: string }[]
}

const countsOf = (m: DayMissing) => ({
  unfinished: m.unfinished.length,
  ungraded: m.ungraded.length,
  unregistered: m.unregistered.length,
  followUpsDue: m.followUpsDue.length,
})

/** What a consultant's day still lacks, as of now. */
function missingOf(
  ctx: UserServiceContext,
  projectId: string,
  consultantId: string,
  date: string,
): DayMissing {
  const config = configOf(ctx, projectId)
  const { start, end } = localDayRange(date, config.timeZone)
  const open = ctx.db
    .select({ id: receptions.id, since: receptions.assignedAt, customerId: receptions.customerId })
    .from(receptions)
    .where(
      and(
        eq(receptions.projectId, projectId),
        eq(receptions.consultantId, consultantId),
        eq(receptions.status, 'open'),
        lt(receptions.assignedAt, end),
      ),
    )
    .orderBy(asc(receptions.assignedAt))
    .all()
  const visits = ctx.db
    .select({ customerId: activities.customerId, at: activities.happenedAt, grade: activities.grade })
    .from(activities)
    .where(
      and(
        eq(activities.projectId, projectId),
        eq(activities.consultantId, consultantId),
        eq(activities.type, 'visit' satisfies ActivityType),
        gte(activities.happenedAt, start),
        lt(activities.happenedAt, end),
      ),
    )
    .all()
  const visitedIds = [...new Set(visits.map((v) => v.customerId))]
  // A visit registration (ever) answers "registered"; one graded that day answers "graded" too.
  const registrations = visitedIds.length
    ? ctx.db
        .select({ customerId: activities.customerId, grade: activities.grade, at: activities.happenedAt })
        .from(activities)
        .where(
          and(
            inArray(activities.customerId, visitedIds),
            eq(activities.type, 'questionnaire' satisfies ActivityType),
          ),
        )
        .all()
    : []
  const due = ctx.db
    .select({
      id: customers.id,
      fullName: customers.fullName,
      surname: customers.surname,
      title: customers.title,
      dueOn: customers.followUpDueOn,
    })
    .from(customers)
    .where(
      and(
        eq(customers.projectId, projectId),
        isNotNull(customers.ownerId),
        eq(customers.ownerId, consultantId),
        isNotNull(customers.followUpDueOn),
        lte(customers.followUpDueOn, date),
        sql`${customers.protectionEndsAt} > ${ctx.now.toISOString()}`,
      ),
    )
    .orderBy(asc(customers.followUpDueOn))
    .limit(500)
    .all()
  const ids = [...new Set([...visitedIds, ...open.flatMap((r) => (r.customerId ? [r.customerId] : []))])]
  const named = new Map(
    (ids.length
      ? ctx.db
          .select({
            id: customers.id,
            fullName: customers.fullName,
            surname: customers.surname,
            title: customers.title,
          })
          .from(customers)
          .where(inArray(customers.id, ids))
          .all()
      : []
    ).map((c) => [c.id, displayName(c)]),
  )
  const firstVisit = new Map<string, { at: string; graded: boolean }>()
  for (const v of visits) {
    const seen = firstVisit.get(v.customerId)
    firstVisit.set(v.customerId, {
      at: seen && seen.at < v.at ? seen.at : v.at,
      graded: (seen?.graded ?? false) || !!v.grade,
    })
  }
  return {
    unfinished: open.map((r) => ({
      receptionId: r.id,
      since: r.since,
      customerId: r.customerId,
      name: (r.customerId && named.get(r.customerId)) || '',
    })),
    ungraded: [...firstVisit]
      .filter(
        ([id, v]) =>
          !v.graded &&
          !registrations.some((q) => q.customerId === id && q.grade && q.at >= start && q.at < end),
      )
      .map(([id, v]) => ({ customerId: id, name: named.get(id) ?? '', at: v.at })),
    unregistered: [...firstVisit]
      .filter(([id]) => !registrations.some((q) => q.customerId === id))
      .map(([id, v]) => ({ customerId: id, name: named.get(id) ?? '', at: v.at })),
    followUpsDue: due.map((c) => ({ customerId: c.id, name: displayName(c), dueOn: c.dueOn! })),
  }
}

const closeOf = (ctx: UserServiceContext, projectId: string, consultantId: string, date: string) =>
  ctx.db
    .select()
    .from(dayCloses)
    .where(
      and(
        eq(dayCloses.projectId, projectId),
        eq(dayCloses.consultantId, consultantId),
        eq(dayCloses.date, date),
      ),
    )
    .get()

/** A consultant's own day: what is missing, and whether (and with what still missing) it was closed. */
export function myDay({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; date?: string | undefined }
}) {
  const date = input.date ?? localDate(ctx.now, configOf(ctx, input.projectId).timeZone)
  const closed = closeOf(ctx, input.projectId, ctx.actor.user.id, date)
  return {
    date,
    missing: missingOf(ctx, input.projectId, ctx.actor.user.id, date),
    closed: closed ? { closedAt: closed.closedAt, missing: closed.missing } : null,
  }
}

/**
 * Closes the consultant's day with whatever is still missing kept beside it, for the assistant to
 * chase (the app shows the list before the consultant confirms). Closing again updates the record.
 */
export function closeDay({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const me = ctx.actor.user.id
  const date = localDate(ctx.now, configOf(ctx, input.projectId).timeZone)
  const missing = missingOf(ctx, input.projectId, me, date)
  const counts = countsOf(missing)
  const closedAt = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    tx.insert(dayCloses)
      .values({ projectId: input.projectId, consultantId: me, date, closedAt, missing: counts })
      .onConflictDoUpdate({
        target: [dayCloses.projectId, dayCloses.consultantId, dayCloses.date],
        set: { closedAt, missing: counts },
      })
      .run()
    audit(tx, ctx, 'dayClose.close', { projectId: input.projectId, input: { date, missing: counts } })
  })
  return { date, closedAt, missing: counts }
}

/** The office's view of a day: every active consultant, closed or not, with what each still lacks. */
export function teamDay({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; date?: string | undefined }
}) {
  const date = input.date ?? localDate(ctx.now, configOf(ctx, input.projectId).timeZone)
  const team = ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(
      projectMembers,
      and(eq(projectMembers.userId, users.id), eq(projectMembers.projectId, input.projectId)),
    )
    .where(and(eq(users.role, 'consultant'), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all()
  const closes = new Map(
    ctx.db
      .select()
      .from(dayCloses)
      .where(and(eq(dayCloses.projectId, input.projectId), eq(dayCloses.date, date)))
      .all()
      .map((c) => [c.consultantId, c]),
  )
  return {
    date,
    consultants: team.map((person) => {
      const closed = closes.get(person.id)
      return {
        consultantId: person.id,
        name: person.name,
        closedAt: closed?.closedAt ?? null,
        missingAtClose: closed?.missing ?? null,
        missingNow: countsOf(missingOf(ctx, input.projectId, person.id, date)),
      }
    }),
  }
}

/** Entries made after the day they happened, newest entry first: the assistant checks each. */
export function lateEntries({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; from: string; to: string }
}) {
  const { timeZone } = configOf(ctx, input.projectId)
  const rows = ctx.db
    .select({
      a: activities,
      c: {
        fullName: customers.fullName,
        surname: customers.surname,
        title: customers.title,
        erasedAt: customers.erasedAt,
      },
    })
    .from(activities)
    .innerJoin(customers, eq(customers.id, activities.customerId))
    .where(
      and(
        eq(activities.projectId, input.projectId),
        eq(activities.late, true),
        gte(activities.enteredAt, localDayRange(input.from, timeZone).start),
        lt(activities.enteredAt, localDayRange(input.to, timeZone).end),
      ),
    )
    .orderBy(desc(activities.enteredAt))
    .limit(1000)
    .all()
  const names = namesOf(
    ctx.db,
    rows.map(({ a }) => a.consultantId),
  )
  return rows.map(({ a, c }) => ({
    activityId: a.id,
    customerId: a.customerId,
    customerName: c.erasedAt ? '' : displayName(c),
    type: a.type,
    happenedAt: a.happenedAt,
    enteredAt: a.enteredAt,
    consultantId: a.consultantId,
    consultantName: a.consultantId ? (names.get(a.consultantId) ?? '') : '',
    note: a.note,
  }))
}

/**
 * Leads left alone, for the manager the same day: new customers with no follow-up this many hours
 * after their first contact, and receptions left open past the project's limit.
 */
export function ignoredLeads({ ctx, input }: { ctx: UserServiceContext; input: { projectId: string } }) {
  const { settings } = configOf(ctx, input.projectId)
  const hours = settings.ownership.newCustomerFollowUpHours
  const minutes = settings.ownership.unfinishedReceptionMinutes
  const now = ctx.now.getTime()
  const newSince = new Date(now - 7 * 86_400_000).toISOString()
  const threshold = new Date(now - hours * 3_600_000).toISOString()
  // New in the last week, owned, first contacted before the threshold, and never followed up.
  const fresh = ctx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.projectId, input.projectId),
        isNull(customers.erasedAt),
        isNotNull(customers.ownerId),
        gte(customers.createdAt, newSince),
        lte(customers.createdAt, threshold),
        sql`${customers.protectionEndsAt} > ${ctx.now.toISOString()}`,
        sql`not exists (select 1 from ${activities} where ${activities.customerId} = ${customers.id} and ${activities.type} = 'follow_up')`,
      ),
    )
    .orderBy(asc(customers.createdAt))
    .limit(500)
    .all()
  const open = ctx.db
    .select()
    .from(receptions)
    .where(
      and(
        eq(receptions.projectId, input.projectId),
        eq(receptions.status, 'open'),
        lte(receptions.assignedAt, new Date(now - minutes * 60_000).toISOString()),
      ),
    )
    .orderBy(asc(receptions.assignedAt))
    .all()
  const names = namesOf(ctx.db, [...fresh.map((c) => c.ownerId), ...open.map((r) => r.consultantId)])
  const visitorIds = open.map((r) => r.customerId).filter((id): id is string => !!id)
  const visitors = new Map(
    visitorIds.length
      ? ctx.db
          .select()
          .from(customers)
          .where(inArray(customers.id, visitorIds))
          .all()
          .map((c) => [c.id, displayName(c)])
      : [],
  )
  return {
    newCustomerFollowUpHours: hours,
    unfinishedReceptionMinutes: minutes,
    newWithoutFollowUp: fresh.map((c) => ({
      customerId: c.id,
      name: displayName(c),
      ownerId: c.ownerId,
      ownerName: names.get(c.ownerId!) ?? '',
      since: c.createdAt,
      hours: Math.floor((now - Date.parse(c.createdAt)) / 3_600_000),
    })),
    openReceptions: open.map((r) => ({
      receptionId: r.id,
      consultantId: r.consultantId,
      consultantName: names.get(r.consultantId) ?? '',
      customerId: r.customerId,
      customerName: (r.customerId && visitors.get(r.customerId)) || null,
      since: r.assignedAt,
      minutes: Math.floor((now - Date.parse(r.assignedAt)) / 60_000),
    })),
  }
}
