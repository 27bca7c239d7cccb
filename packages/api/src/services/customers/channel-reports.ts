/**
 * 渠道报备 (CONTRACT.md `channelReports.*`): a partner agency reports a customer before the visit;
 * a visit inside the project's window credits the report's channel. Partners often know only part
 * of a number, so matching by 前三后四 is a project setting, as is what a report made after the
 * customer's own first visit earns (到访为王 by default: nothing).
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm'
import { activities, channelReports, checkIns, customers, newId, users, type Tx } from '@anchang/db'
import {
  DomainError,
  channelReportStatus,
  fail,
  isManaging,
  localDate,
  maskPhone,
  protectedOwner,
  type ChannelReportCreateInput,
  type ChannelReportStatus,
} from '@anchang/shared'
import { assertProjectAccess } from '../access'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import type { ProjectConfig } from '../rotation/hub'
import { prepared } from '../../prepared'
import { configOf } from './book'

const DAY_MS = 86_400_000

/** The reports a number meets: the whole number, or its first 3 and last 4 digits (the project's choice). */
function matching(config: ProjectConfig, phone: { full: string | null; first3: string; last4: string }) {
  const byDigits = and(eq(channelReports.first3, phone.first3), eq(channelReports.last4, phone.last4))
  return and(
    eq(channelReports.projectId, config.id),
    config.settings.ownership.channelReportMatch === 'first3last4' || !phone.full
      ? byDigits
      : eq(channelReports.phone, phone.full),
  )
}

const split = (phone: string) => ({ full: phone, first3: phone.slice(0, 3), last4: phone.slice(7) })

/**
 * A visit or call of `phone` credits the earliest unexpired report that matches it: the customer's
 * channel becomes the report's (whatever the visitor chose at the kiosk) and the report is visited.
 * In the transaction of the visit; a cheap indexed lookup when no report exists.
 */
export function creditChannelReport(
  tx: Tx,
  ctx: ServiceContext,
  config: ProjectConfig,
  customerId: string,
  phone: string,
): string | null {
  // On the kiosk's hot path: prepared once, not built per check-in.
  const statements = prepared(ctx.db)
  const at = ctx.now.toISOString()
  const { first3, last4 } = split(phone)
  const report =
    config.settings.ownership.channelReportMatch === 'first3last4'
      ? statements.reportByDigits.get(config.id, first3, last4, at)
      : statements.reportByPhone.get(config.id, first3, last4, phone, at)
  if (!report) return null
  tx.update(channelReports)
    .set({ status: 'visited', statusAt: at, customerId })
    .where(eq(channelReports.id, report.id))
    .run()
  tx.update(customers)
    .set({ channel: report.channel, updatedAt: at })
    .where(eq(customers.id, customerId))
    .run()
  return report.channel
}

/** The customer's reports that led to a deal (called when the deal is signed). */
export function markReportsDealt(tx: Tx, ctx: ServiceContext, customerId: string): void {
  tx.update(channelReports)
    .set({ status: 'dealt', statusAt: ctx.now.toISOString() })
    .where(and(eq(channelReports.customerId, customerId), eq(channelReports.status, 'visited')))
    .run()
}

const eqDigits = (first3: string, last4: string) =>
  sql`substr(${customers.phone}, 1, 3) = ${first3} and substr(${customers.phone}, 8, 4) = ${last4}`

/** Whether the customer has come to the office: at the kiosk, or registered by a consultant as a visit. */
function hasVisited(tx: Tx, customerId: string): boolean {
  const atKiosk = tx
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.customerId, customerId), eq(checkIns.kind, 'visit')))
    .get()
  return (
    !!atKiosk ||
    !!tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.customerId, customerId), eq(activities.type, 'visit')))
      .get()
  )
}

function agencyOf(ctx: UserServiceContext): string | null {
  return (
    ctx.db.select({ agency: users.agency }).from(users).where(eq(users.id, ctx.actor.user.id)).get()
      ?.agency ?? null
  )
}

/** CONTRACT.md `channelReports.create`: by the project's staff, or by a partner agency of the project. */
export function createChannelReport({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: ChannelReportCreateInput
}) {
  const config = configOf(ctx, input.projectId)
  if (!config.channels.includes(input.channel))
    fail('BAD_REQUEST', 'rotation.unknownChannel', { channel: input.channel })
  if (!input.phone.full && config.settings.ownership.channelReportMatch !== 'first3last4') {
    fail('BAD_REQUEST', 'channelReport.fullNumberRequired')
  }
  const at = ctx.now.toISOString()
  const expiresAt = new Date(
    ctx.now.getTime() + config.settings.ownership.channelReportWindowDays * DAY_MS,
  ).toISOString()
  return ctx.db.transaction((tx) => {
    const live = tx
      .select({ expiresAt: channelReports.expiresAt })
      .from(channelReports)
      .where(
        and(
          matching(config, input.phone),
          eq(channelReports.status, 'valid'),
          gt(channelReports.expiresAt, at),
        ),
      )
      .get()
    if (live)
      throw new DomainError('CONFLICT', 'channelReport.duplicate', {
        until: localDate(new Date(live.expiresAt), config.timeZone),
      })
    const known = tx
      .select({ id: customers.id, ownerId: customers.ownerId, protectionEndsAt: customers.protectionEndsAt })
      .from(customers)
      .where(
        and(
          eq(customers.projectId, config.id),
          input.phone.full
            ? eq(customers.phone, input.phone.full)
            : eqDigits(input.phone.first3, input.phone.last4),
        ),
      )
      .all()
    if (known.some((c) => protectedOwner(c, ctx.now)))
      throw new DomainError('CONFLICT', 'channelReport.protected')
    // 到访为王: a customer who already came on their own keeps the channel of that visit.
    const visitedBefore =
      config.settings.ownership.reportAfterVisit === 'visitWins' && known.some((c) => hasVisited(tx, c.id))
    const reportId = newId(ctx.now.getTime())
    tx.insert(channelReports)
      .values({
        id: reportId,
        projectId: config.id,
        reporterId: ctx.actor.user.id,
        agency: ctx.actor.user.role === 'channel' ? agencyOf(ctx) : null,
        channel: input.channel,
        agentName: input.agentName,
        agentPhone: input.agentPhone ?? null,
        phone: input.phone.full,
        first3: input.phone.first3,
        last4: input.phone.last4,
        createdAt: at,
        expiresAt,
        status: visitedBefore ? 'invalid' : 'valid',
        statusAt: visitedBefore ? at : null,
        invalidReason: visitedBefore ? 'visitedBefore' : null,
      })
      .run()
    audit(tx, ctx, 'channelReports.create', {
      projectId: config.id,
      input: { ...input, phone: input.phone.full ?? `${input.phone.first3}****${input.phone.last4}` },
    })
    return { reportId, expiresAt }
  })
}

/**
 * CONTRACT.md `channelReports.list`. A partner sees only its own reports, with the number as it
 * sent it; the project's staff see all, the number in full for managers and directors.
 */
export function listChannelReports({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { projectId: string; status?: ChannelReportStatus | undefined }
}) {
  const partner = ctx.actor.user.role === 'channel'
  const rows = ctx.db
    .select()
    .from(channelReports)
    .where(
      and(
        eq(channelReports.projectId, input.projectId),
        partner ? eq(channelReports.reporterId, ctx.actor.user.id) : undefined,
      ),
    )
    .orderBy(desc(channelReports.createdAt))
    .limit(1000)
    .all()
  const full = partner || isManaging(ctx.actor.user.role)
  return rows
    .map((r) => ({
      reportId: r.id,
      phone: r.phone && full ? r.phone : r.phone ? maskPhone(r.phone) : `${r.first3}****${r.last4}`,
      channel: r.channel,
      agentName: r.agentName,
      agentPhone: r.agentPhone,
      agency: r.agency,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      status: channelReportStatus(r, ctx.now),
      statusAt: r.statusAt,
      invalidReason: r.invalidReason,
      // A partner learns that its customer came, not who in the book they are.
      customerId: partner ? null : r.customerId,
    }))
    .filter((r) => !input.status || r.status === input.status)
}

/** A manager marks a report 无效 with the reason (a duplicate under another name, a false report). */
export function invalidateChannelReport({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { reportId: string; reason: string }
}) {
  const report = ctx.db.select().from(channelReports).where(eq(channelReports.id, input.reportId)).get()
  if (!report) fail('NOT_FOUND', 'channelReport.notFound')
  assertProjectAccess(ctx, report.projectId)
  ctx.db.transaction((tx) => {
    tx.update(channelReports)
      .set({ status: 'invalid', statusAt: ctx.now.toISOString(), invalidReason: input.reason })
      .where(eq(channelReports.id, report.id))
      .run()
    audit(tx, ctx, 'channelReports.invalidate', { projectId: report.projectId, input })
  })
  return { ok: true as const }
}
