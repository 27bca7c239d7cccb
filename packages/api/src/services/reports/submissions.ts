import { and, asc, desc, eq, like, type SQL } from 'drizzle-orm'
import { newId, reportSubmissions } from '@anchang/db'
import {
  REPORT_STATUS_LABELS,
  addDays,
  dailyReportDueAt,
  fail,
  localDate,
  nextMonth,
  type ReportDecideInput,
  type ReportPrepareInput,
  type ReportSubmissionIdInput,
  type ReportSubmissionsInput,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { configOf, namesOf } from '../customers/book'
import { reportSheet } from './sheet'

type Row = typeof reportSubmissions.$inferSelect

/** A project's daily reports of the days `on` selects. */
const dailyOf = (projectId: string, on: SQL) =>
  and(eq(reportSubmissions.projectId, projectId), eq(reportSubmissions.kind, 'daily'), on)

/** A version as the lists show it: who did what when, whether it went late; not its figures. */
function view(row: Row, names: Map<string, string>, now: Date) {
  const sentAt = row.submittedAt ?? null
  return {
    submissionId: row.id,
    date: row.date,
    version: row.version,
    status: row.status,
    comment: row.comment,
    preparedBy: names.get(row.preparedBy) ?? '',
    preparedAt: row.preparedAt,
    decidedBy: row.decidedBy ? (names.get(row.decidedBy) ?? '') : null,
    decidedAt: row.decidedAt,
    decisionComment: row.decisionComment,
    submittedBy: row.submittedBy ? (names.get(row.submittedBy) ?? '') : null,
    submittedAt: sentAt,
    dueAt: row.dueAt,
    /** Submitted after the deadline, or not submitted and the deadline has passed. */
    late: sentAt ? sentAt > row.dueAt : now.toISOString() > row.dueAt,
  }
}

function load(ctx: UserServiceContext, submissionId: string): Row {
  const row = ctx.db.select().from(reportSubmissions).where(eq(reportSubmissions.id, submissionId)).get()
  if (!row) fail('NOT_FOUND', 'report.notFound')
  assertProjectAccess(ctx, row.projectId)
  return row
}

/**
 * `reports.prepare`: the assistant (or a manager) prepares a day's report with a comment: its figures
 * are kept as they are now, as a new version, waiting for sign-off. A version still waiting (prepared
 * or signed off, not yet submitted) must be dealt with first; a returned or submitted one may be
 * followed by a corrected version.
 */
export function prepareReport({ ctx, input }: { ctx: UserServiceContext; input: ReportPrepareInput }) {
  const config = configOf(ctx, input.projectId)
  if (input.date > localDate(ctx.now, config.timeZone))
    fail('BAD_REQUEST', 'report.future', { date: input.date })
  const snapshot = reportSheet({ ctx, input: { projectId: input.projectId, date: input.date } })
  return ctx.db.transaction((tx) => {
    // In the transaction: of two preparations at once, the second sees the first's version.
    const latest = tx
      .select()
      .from(reportSubmissions)
      .where(dailyOf(input.projectId, eq(reportSubmissions.date, input.date)))
      .orderBy(desc(reportSubmissions.version))
      .get()
    if (latest && (latest.status === 'prepared' || latest.status === 'signedOff'))
      fail('CONFLICT', 'report.pending', { date: input.date, version: latest.version })
    const row = {
      id: newId(ctx.now.getTime()),
      projectId: input.projectId,
      kind: 'daily' as const,
      date: input.date,
      version: (latest?.version ?? 0) + 1,
      status: 'prepared' as const,
      snapshot,
      comment: input.comment || null,
      preparedBy: ctx.actor.user.id,
      preparedAt: ctx.now.toISOString(),
      dueAt: dailyReportDueAt(input.date, config.settings.reports.dailyDeadline, config.timeZone),
    }
    tx.insert(reportSubmissions).values(row).run()
    audit(tx, ctx, 'reports.prepare', { projectId: input.projectId, input })
    return { submissionId: row.id, version: row.version }
  })
}

/** `reports.decide`: a manager or the director signs a prepared report off, or returns it with a comment. */
export function decideReport({ ctx, input }: { ctx: UserServiceContext; input: ReportDecideInput }) {
  const row = load(ctx, input.submissionId)
  if (!input.approve && !input.comment) fail('BAD_REQUEST', 'report.returnNeedsComment')
  ctx.db.transaction((tx) => {
    // Conditional on the state it starts from: of two decisions at once, one lands.
    const changed = tx
      .update(reportSubmissions)
      .set({
        status: input.approve ? 'signedOff' : 'returned',
        decidedBy: ctx.actor.user.id,
        decidedAt: ctx.now.toISOString(),
        decisionComment: input.comment || null,
      })
      .where(and(eq(reportSubmissions.id, row.id), eq(reportSubmissions.status, 'prepared')))
      .run()
    if (!changed.changes) {
      const now = tx.select().from(reportSubmissions).where(eq(reportSubmissions.id, row.id)).get()!
      fail('CONFLICT', 'report.notPrepared', { status: REPORT_STATUS_LABELS[now.status] })
    }
    audit(tx, ctx, 'reports.decide', { projectId: row.projectId, input })
  })
  return { ok: true as const }
}

/** `reports.submit`: a signed-off report is marked sent to the client, with the time (late or not). */
export function submitReport({ ctx, input }: { ctx: UserServiceContext; input: ReportSubmissionIdInput }) {
  const row = load(ctx, input.submissionId)
  const at = ctx.now.toISOString()
  ctx.db.transaction((tx) => {
    const changed = tx
      .update(reportSubmissions)
      .set({ status: 'submitted', submittedBy: ctx.actor.user.id, submittedAt: at })
      .where(and(eq(reportSubmissions.id, row.id), eq(reportSubmissions.status, 'signedOff')))
      .run()
    if (!changed.changes) fail('CONFLICT', 'report.notSignedOff')
    audit(tx, ctx, 'reports.submit', { projectId: row.projectId, input })
  })
  return { ok: true as const, submittedAt: at, late: at > row.dueAt }
}

/**
 * `reports.submissions`: a month of daily reports, day by day up to today — every version with its
 * state, who prepared, decided and submitted it and whether it went late, and the days with none.
 */
export function listSubmissions({ ctx, input }: { ctx: UserServiceContext; input: ReportSubmissionsInput }) {
  const config = configOf(ctx, input.projectId)
  const rows = ctx.db
    .select()
    .from(reportSubmissions)
    .where(dailyOf(input.projectId, like(reportSubmissions.date, `${input.month}-%`)))
    .orderBy(asc(reportSubmissions.date), asc(reportSubmissions.version))
    .all()
  const names = namesOf(
    ctx.db,
    rows.flatMap((r) => [r.preparedBy, r.decidedBy, r.submittedBy]),
  )
  const today = localDate(ctx.now, config.timeZone)
  const days: string[] = []
  for (let d = `${input.month}-01`; d < `${nextMonth(input.month)}-01` && d <= today; d = addDays(d, 1))
    days.push(d)
  return {
    month: input.month,
    days: days.reverse().map((date) => {
      const versions = rows.filter((r) => r.date === date).map((r) => view(r, names, ctx.now))
      const dueAt = dailyReportDueAt(date, config.settings.reports.dailyDeadline, config.timeZone)
      return {
        date,
        dueAt,
        overdue: !versions.some((v) => v.status === 'submitted') && ctx.now.toISOString() > dueAt,
        versions,
      }
    }),
  }
}

/** `reports.submission`: one version with its figures as prepared, to read or download as it was sent. */
export function getSubmission({ ctx, input }: { ctx: UserServiceContext; input: ReportSubmissionIdInput }) {
  const row = load(ctx, input.submissionId)
  const names = namesOf(ctx.db, [row.preparedBy, row.decidedBy, row.submittedBy])
  return { ...view(row, names, ctx.now), sheet: row.snapshot as ReturnType<typeof reportSheet> }
}
