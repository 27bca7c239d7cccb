import { and, eq, inArray } from 'drizzle-orm'
import { customers, dealPaperwork, deals, units } from '@anchang/db'
import {
  PAPERWORK_LABELS,
  fail,
  paperworkState,
  paperworkStepsFor,
  previousStep,
  PAPERWORK_STEPS,
  type PaperworkEntry,
  type PaperworkListInput,
  type PaperworkStep,
  type PaperworkUpdateInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import { configOf, displayName, namesOf } from '../customers/book'
import { unitLabel } from '../units/grid'
import { assertDealHand, loadDeal, todayOf, type DealRow } from './deal'

function entriesOf(ctx: ServiceContext, dealIds: string[]): Map<string, PaperworkEntry[]> {
  const byDeal = new Map<string, PaperworkEntry[]>()
  for (let i = 0; i < dealIds.length; i += 500)
    for (const row of ctx.db
      .select()
      .from(dealPaperwork)
      .where(inArray(dealPaperwork.dealId, dealIds.slice(i, i + 500)))
      .all())
      byDeal.set(row.dealId, [
        ...(byDeal.get(row.dealId) ?? []),
        { step: row.step as PaperworkStep, doneOn: row.doneOn, holder: row.holder, note: row.note },
      ])
  return byDeal
}

/** A signed deal's loan and title steps as they stand today. */
export function paperworkOf(ctx: ServiceContext, deal: DealRow) {
  if (deal.status !== 'signed' || !deal.signedOn) return []
  const days = configOf(ctx, deal.projectId).settings.sales.paperworkDays
  return paperworkState(
    { paymentMethod: deal.paymentMethod, signedOn: deal.signedOn },
    entriesOf(ctx, [deal.id]).get(deal.id) ?? [],
    days,
    todayOf(ctx, deal.projectId),
  )
}

/**
 * `paperwork.update`: a step of the loan or title paperwork done on a day, with who holds the papers;
 * steps of a track in order, and a step taken back only while the next is not done.
 */
export function updatePaperwork({ ctx, input }: { ctx: UserServiceContext; input: PaperworkUpdateInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  assertDealHand(ctx, deal, 'deal.notYoursToSign')
  if (deal.status !== 'signed' || !deal.signedOn) fail('CONFLICT', 'paperwork.notSigned')
  if (!paperworkStepsFor(deal.paymentMethod).includes(input.step))
    fail('BAD_REQUEST', 'paperwork.notForDeal', { step: PAPERWORK_LABELS[input.step] })
  const today = todayOf(ctx, deal.projectId)
  if (input.doneOn && (input.doneOn < deal.signedOn || input.doneOn > today))
    fail('BAD_REQUEST', 'paperwork.doneOnOutside', { doneOn: input.doneOn, signedOn: deal.signedOn })
  ctx.db.transaction((tx) => {
    const done = new Set(
      tx
        .select({ step: dealPaperwork.step, doneOn: dealPaperwork.doneOn })
        .from(dealPaperwork)
        .where(eq(dealPaperwork.dealId, deal.id))
        .all()
        .filter((r) => r.doneOn)
        .map((r) => r.step),
    )
    const previous = previousStep(input.step)
    if (input.doneOn && previous && !done.has(previous))
      fail('CONFLICT', 'paperwork.previousFirst', {
        previous: PAPERWORK_LABELS[previous],
        step: PAPERWORK_LABELS[input.step],
      })
    const next = PAPERWORK_STEPS.find((s) => previousStep(s) === input.step)
    if (!input.doneOn && next && done.has(next))
      fail('CONFLICT', 'paperwork.nextDone', {
        next: PAPERWORK_LABELS[next],
        step: PAPERWORK_LABELS[input.step],
      })
    const values = {
      doneOn: input.doneOn,
      holder: input.holder ?? null,
      note: input.note ?? null,
      updatedBy: ctx.actor.user.id,
      updatedAt: ctx.now.toISOString(),
    }
    tx.insert(dealPaperwork)
      .values({ dealId: deal.id, step: input.step, ...values })
      .onConflictDoUpdate({ target: [dealPaperwork.dealId, dealPaperwork.step], set: values })
      .run()
    audit(tx, ctx, 'paperwork.update', { projectId: deal.projectId, input })
  })
  return { paperwork: paperworkOf(ctx, loadDeal(ctx, ctx.db, deal.id)) }
}

/**
 * `paperwork.list`: the signed deals of a project with their paperwork, the overdue ones only by
 * default (the assistant's list: which loan is stuck at the bank, whose title papers are missing).
 */
export function listPaperwork({ ctx, input }: { ctx: UserServiceContext; input: PaperworkListInput }) {
  const me = ctx.actor.user
  const rows = ctx.db
    .select({ deal: deals, unit: units, customer: customers })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .where(
      and(
        eq(deals.projectId, input.projectId),
        eq(deals.status, 'signed'),
        me.role === 'consultant' ? eq(deals.consultantId, me.id) : undefined,
      ),
    )
    .all()
  const entries = entriesOf(
    ctx,
    rows.map((r) => r.deal.id),
  )
  const days = configOf(ctx, input.projectId).settings.sales.paperworkDays
  const today = todayOf(ctx, input.projectId)
  const names = namesOf(
    ctx.db,
    rows.map((r) => r.deal.consultantId),
  )
  return rows
    .map(({ deal, unit, customer }) => ({
      dealId: deal.id,
      unit: unitLabel(unit),
      customerName: displayName(customer),
      consultantName: names.get(deal.consultantId) ?? '',
      paymentMethod: deal.paymentMethod,
      contractNo: deal.contractNo,
      signedOn: deal.signedOn!,
      steps: paperworkState(
        { paymentMethod: deal.paymentMethod, signedOn: deal.signedOn! },
        entries.get(deal.id) ?? [],
        days,
        today,
      ),
    }))
    .filter((d) => !input.overdue || d.steps.some((s) => s.overdue))
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn))
}
