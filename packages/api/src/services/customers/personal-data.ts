/**
 * A customer's rights over their personal data (PIPL): on their request a manager or director
 * exports everything the office holds about them, and can erase it — name, numbers, notes and
 * what they said go; the dates, grades and channels the reports count stay, tied to no one. Both
 * are audited; an erased number that visits again is a new customer.
 */
import { and, eq, inArray, or } from 'drizzle-orm'
import {
  activities,
  appeals,
  channelReports,
  checkIns,
  customerPhones,
  deals,
  payments,
  units,
  customers,
  ownershipConflicts,
  receptions,
  surveyAnswers,
  surveys,
} from '@anchang/db'
import {
  fail,
  surveyAnswerWords,
  unitPlaceLabel,
  type SurveyAnswer,
  type SurveyQuestion,
} from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import { displayName, loadCustomer } from './book'

/** Everything held about the customer, as the export's sheets and its JSON file. */
export function personalData({ ctx, input }: { ctx: UserServiceContext; input: { customerId: string } }) {
  const customer = loadCustomer(ctx, input.customerId)
  const phones = [
    customer.phone,
    ...ctx.db
      .select()
      .from(customerPhones)
      .where(eq(customerPhones.customerId, customer.id))
      .all()
      .map((p) => p.phone),
  ]
  const visits = ctx.db
    .select()
    .from(checkIns)
    .where(eq(checkIns.customerId, customer.id))
    .orderBy(checkIns.at)
    .all()
  const received = ctx.db
    .select()
    .from(receptions)
    .where(eq(receptions.customerId, customer.id))
    .orderBy(receptions.assignedAt)
    .all()
  const timeline = ctx.db
    .select()
    .from(activities)
    .where(eq(activities.customerId, customer.id))
    .orderBy(activities.happenedAt)
    .all()
  const reports = ctx.db
    .select()
    .from(channelReports)
    .where(
      and(
        eq(channelReports.projectId, customer.projectId),
        or(eq(channelReports.customerId, customer.id), inArray(channelReports.phone, phones)),
      ),
    )
    .all()
  const answers = ctx.db
    .select({ a: surveyAnswers, title: surveys.title, questions: surveys.questions })
    .from(surveyAnswers)
    .innerJoin(surveys, eq(surveys.id, surveyAnswers.surveyId))
    .where(eq(surveyAnswers.customerId, customer.id))
    .all()
  const conflicts = ctx.db
    .select()
    .from(ownershipConflicts)
    .where(eq(ownershipConflicts.customerId, customer.id))
    .all()
  // What they bought: each deal with its unit and the money received on it.
  const bought = ctx.db
    .select({ deal: deals, unit: units })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .where(eq(deals.customerId, customer.id))
    .all()
  const paid = bought.length
    ? ctx.db
        .select()
        .from(payments)
        .where(
          inArray(
            payments.dealId,
            bought.map((b) => b.deal.id),
          ),
        )
        .all()
    : []
  ctx.db.transaction((tx) =>
    audit(tx, ctx, 'customers.personalData', { projectId: customer.projectId, input }),
  )
  return {
    exportedAt: ctx.now.toISOString(),
    customer: {
      id: customer.id,
      name: displayName(customer),
      surname: customer.surname,
      title: customer.title,
      fullName: customer.fullName,
      phones: customer.erasedAt ? [] : phones,
      grade: customer.grade,
      channel: customer.channel,
      ownerId: customer.ownerId,
      protectionEndsAt: customer.protectionEndsAt,
      lastContactAt: customer.lastContactAt,
      nextFollowUpOn: customer.nextFollowUpOn,
      tags: customer.tags ?? [],
      notes: customer.notes,
      createdAt: customer.createdAt,
      erasedAt: customer.erasedAt,
    },
    checkIns: visits.map((v) => ({
      at: v.at,
      kind: v.kind,
      surname: v.surname,
      title: v.title,
      partySize: v.partySize,
      channel: v.channel,
      consentVersion: v.consentVersion,
    })),
    receptions: received.map((r) => ({
      at: r.assignedAt,
      consultantId: r.consultantId,
      result: r.result,
      grade: r.grade,
      note: r.note,
    })),
    activities: timeline.map((a) => ({
      type: a.type,
      happenedAt: a.happenedAt,
      enteredAt: a.enteredAt,
      consultantId: a.consultantId,
      method: a.method,
      grade: a.grade,
      note: a.note,
      answers:
        a.type === 'questionnaire' ? ((a.payload as { answers?: unknown } | null)?.answers ?? null) : null,
    })),
    deals: bought.map(({ deal, unit }) => ({
      unit: unitPlaceLabel(unit),
      status: deal.status,
      priceFen: deal.priceFen,
      subscribedOn: deal.subscribedOn,
      contractNo: deal.contractNo,
      signedOn: deal.signedOn,
      payments: paid
        .filter((p) => p.dealId === deal.id)
        .map((p) => ({ receiptNo: p.receiptNo, amountFen: p.amountFen, paidOn: p.paidOn, status: p.status })),
    })),
    channelReports: reports.map((r) => ({
      channel: r.channel,
      agency: r.agency,
      agentName: r.agentName,
      createdAt: r.createdAt,
      status: r.status,
    })),
    surveys: answers.map(({ a, title, questions }) => {
      const list = Array.isArray(a.answers) ? (a.answers as SurveyAnswer[]) : []
      return {
        title,
        at: a.at,
        answers: a.answers,
        // Each question with the answer in words, so the export reads without the survey beside it.
        worded: (questions as SurveyQuestion[]).map((q, i) => ({
          question: q.text,
          answer: surveyAnswerWords(q, list[i]),
        })),
      }
    }),
    conflicts: conflicts.map((c) => ({ at: c.at, status: c.status })),
  }
}

/**
 * Erases the customer's personal data in one transaction, everywhere it was written: the book,
 * the visits and the rotation's log, receptions and appeals, reports, questionnaires, notices and
 * the audit log's copies of the numbers. Refused while they are inside the office right now.
 */
export function eraseCustomer({
  ctx,
  input,
}: {
  ctx: UserServiceContext
  input: { customerId: string; reason: string }
}) {
  const customer = loadCustomer(ctx, input.customerId)
  if (customer.erasedAt) fail('CONFLICT', 'customer.erased')
  const inside = ctx.db
    .select({ id: receptions.id })
    .from(receptions)
    .where(and(eq(receptions.customerId, customer.id), eq(receptions.status, 'open')))
    .get()
  const waiting = ctx.db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.customerId, customer.id), eq(checkIns.waitingStatus, 'waiting')))
    .get()
  if (inside || waiting) fail('CONFLICT', 'customer.eraseInside')
  const tombstone = `erased:${customer.id}`
  const phones = [
    customer.phone,
    ...ctx.db
      .select()
      .from(customerPhones)
      .where(eq(customerPhones.customerId, customer.id))
      .all()
      .map((p) => p.phone),
  ]
  const at = ctx.now.toISOString()
  const sqlite = ctx.db.$client
  ctx.db.transaction((tx) => {
    tx.update(customers)
      .set({
        phone: tombstone,
        surname: null,
        title: null,
        fullName: null,
        searchName: null,
        notes: null,
        tags: null,
        ownerId: null,
        protectionEndsAt: null,
        nextFollowUpOn: null,
        followUpDueOn: null,
        erasedAt: at,
        updatedAt: at,
      })
      .where(eq(customers.id, customer.id))
      .run()
    tx.delete(customerPhones).where(eq(customerPhones.customerId, customer.id)).run()
    tx.update(activities)
      .set({ note: null, payload: null })
      .where(eq(activities.customerId, customer.id))
      .run()
    tx.update(checkIns)
      .set({ phone: tombstone, surname: null, title: null })
      .where(eq(checkIns.customerId, customer.id))
      .run()
    const receptionIds = tx
      .select({ id: receptions.id })
      .from(receptions)
      .where(eq(receptions.customerId, customer.id))
      .all()
      .map((r) => r.id)
    tx.update(receptions).set({ note: null }).where(eq(receptions.customerId, customer.id)).run()
    if (receptionIds.length)
      tx.update(appeals).set({ text: '—' }).where(inArray(appeals.receptionId, receptionIds)).run()
    tx.update(channelReports)
      .set({ phone: null, first3: '', last4: '', customerId: null })
      .where(
        and(
          eq(channelReports.projectId, customer.projectId),
          or(eq(channelReports.customerId, customer.id), inArray(channelReports.phone, phones)),
        ),
      )
      .run()
    // Questionnaire sheets keep their choices (the results count them) but lose what was written.
    for (const sheet of tx
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.customerId, customer.id))
      .all()) {
      const answers = (sheet.answers as unknown as SurveyAnswer[]).map((a) =>
        typeof a === 'string' ? null : a,
      )
      tx.update(surveyAnswers)
        .set({ answers: answers as unknown as Record<string, unknown> })
        .where(eq(surveyAnswers.id, sheet.id))
        .run()
    }
    // The number wherever it was copied as text: the rotation's log, notices, webhooks, the audit log.
    for (const phone of phones) {
      for (const table of ['rotation_events', 'notifications', 'webhook_deliveries', 'audit_log']) {
        const column = table === 'rotation_events' ? 'event' : table === 'audit_log' ? 'summary' : 'payload'
        sqlite
          .prepare(`update ${table} set ${column} = replace(${column}, ?, ?) where instr(${column}, ?) > 0`)
          .run(phone, tombstone, phone)
      }
    }
    // What was said about them in the audit log's copies of the inputs, and their name on notices.
    for (const id of [customer.id, ...receptionIds]) {
      sqlite
        .prepare(
          `update audit_log set summary = json_remove(summary, '$.note', '$.text', '$.fullName', '$.surname', '$.title')
           where json_valid(summary) and instr(summary, ?) > 0`,
        )
        .run(id)
      sqlite
        .prepare(
          `update notifications set payload = json_set(payload, '$.visitor.name', '') where instr(payload, ?) > 0 and json_extract(payload, '$.visitor') is not null`,
        )
        .run(id)
    }
    audit(tx, ctx, 'customers.erase', {
      projectId: customer.projectId,
      input: { customerId: customer.id, reason: input.reason },
    })
  })
  // A masked copy (138****5678) elsewhere names no one on its own and stays.
  return { ok: true as const }
}
