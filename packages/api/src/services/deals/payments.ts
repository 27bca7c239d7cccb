import { and, eq, sql } from 'drizzle-orm'
import { counters, customers, deals, newId, payments, projects, units, users, type Tx } from '@anchang/db'
import {
  amountInWords,
  fail,
  yuanText,
  type PaymentChannel,
  type PaymentRecordInput,
  type ReceiptGetInput,
  type ReceiptVoidInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import { configOf, displayName, logActivity } from '../customers/book'
import { unitLabel } from '../units/grid'
import { assertLive, isOffice, loadDeal, todayOf, type DealRow } from './deal'

type PaymentRow = typeof payments.$inferSelect

/** Receipt numbers: eight digits from the project's one sequence (00000001, …), never reused. */
const RECEIPT_DIGITS = 8
const receiptNoOf = (seq: number): string => String(seq).padStart(RECEIPT_DIGITS, '0')
/** A number as a person types it: `123` finds `00000123`. */
const normalReceiptNo = (no: string): string => (/^\d+$/.test(no) ? no.padStart(RECEIPT_DIGITS, '0') : no)

/** The next number of the project's receipt sequence, taken inside the caller's transaction. */
function nextReceiptSeq(tx: Tx, projectId: string): number {
  const row = tx
    .insert(counters)
    .values({ projectId, name: 'receipt', value: 1 })
    .onConflictDoUpdate({
      target: [counters.projectId, counters.name],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value })
    .get()
  return row.value
}

/**
 * One movement of money on a deal with its own receipt: money in (回款), or out (a refund when a deal
 * is cancelled). The deal's paid total moves in the same statement group, so `paidFen` always equals
 * the valid receipts' sum.
 */
export function addPayment(
  tx: Tx,
  ctx: UserServiceContext,
  deal: DealRow,
  entry: {
    amountFen: number
    direction: 'in' | 'refund'
    method: PaymentChannel
    kind: PaymentRow['kind']
    paidOn: string
  },
): { paymentId: string; receiptNo: string } {
  const seq = nextReceiptSeq(tx, deal.projectId)
  const paymentId = newId(ctx.now.getTime())
  const receiptNo = receiptNoOf(seq)
  tx.insert(payments)
    .values({
      id: paymentId,
      projectId: deal.projectId,
      dealId: deal.id,
      receiptSeq: seq,
      receiptNo,
      amountFen: entry.amountFen,
      direction: entry.direction,
      method: entry.method,
      kind: entry.kind,
      paidOn: entry.paidOn,
      status: 'valid',
      recordedBy: ctx.actor.user.id,
      createdAt: ctx.now.toISOString(),
    })
    .run()
  const signed = entry.direction === 'in' ? entry.amountFen : -entry.amountFen
  tx.update(deals)
    .set({ paidFen: sql`${deals.paidFen} + ${signed}`, updatedAt: ctx.now.toISOString() })
    .where(eq(deals.id, deal.id))
    .run()
  return { paymentId, receiptNo }
}

/**
 * CONTRACT.md `payments.record` (回款): money in on a live deal, any kind whatever the payment method,
 * never more than is still owed; the receipt takes the project's next number.
 */
export function recordPayment({ ctx, input }: { ctx: UserServiceContext; input: PaymentRecordInput }) {
  const deal = loadDeal(ctx, ctx.db, input.dealId)
  if (!isOffice(ctx.actor.user.role)) fail('FORBIDDEN', 'auth.forbiddenRole')
  assertLive(deal)
  if (input.paidOn > todayOf(ctx, deal.projectId))
    fail('BAD_REQUEST', 'payment.paidOnFuture', { paidOn: input.paidOn })
  return ctx.db.transaction((tx) => {
    // Read inside the write: two payments at the same instant cannot both fit in what is owed.
    const current = loadDeal(ctx, tx, deal.id)
    const owed = current.priceFen - current.paidFen
    if (input.amountFen > owed)
      fail('BAD_REQUEST', 'payment.overOwed', { amount: yuanText(input.amountFen), owed: yuanText(owed) })
    const receipt = addPayment(tx, ctx, current, { ...input, direction: 'in' })
    logActivity(tx, ctx, configOf(ctx, deal.projectId).timeZone, {
      projectId: deal.projectId,
      customerId: deal.customerId,
      type: 'payment',
      happenedAt: ctx.now,
      consultantId: deal.consultantId,
      payload: {
        dealId: deal.id,
        receiptNo: receipt.receiptNo,
        amountFen: input.amountFen,
        kind: input.kind,
      },
    })
    audit(tx, ctx, 'payments.record', { projectId: deal.projectId, input })
    return receipt
  })
}

function loadReceipt(
  ctx: ServiceContext,
  tx: Tx | ServiceContext['db'],
  projectId: string,
  receiptNo: string,
) {
  const row = tx
    .select()
    .from(payments)
    .where(and(eq(payments.projectId, projectId), eq(payments.receiptNo, normalReceiptNo(receiptNo))))
    .get()
  if (!row) fail('NOT_FOUND', 'receipt.notFound', { receiptNo })
  return row
}

/**
 * CONTRACT.md `receipts.get`, with what the printed receipt (收据, formats.md) needs besides: the payer,
 * the unit, the kind and method, the cashier, the project.
 */
export function getReceipt({ ctx, input }: { ctx: ServiceContext; input: ReceiptGetInput }) {
  const p = loadReceipt(ctx, ctx.db, input.projectId, input.receiptNo)
  const row = ctx.db
    .select({ deal: deals, unit: units, customer: customers, project: projects })
    .from(deals)
    .innerJoin(units, eq(units.id, deals.unitId))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .innerJoin(projects, eq(projects.id, deals.projectId))
    .where(eq(deals.id, p.dealId))
    .get()!
  const cashier = p.recordedBy
    ? ctx.db.select({ name: users.name }).from(users).where(eq(users.id, p.recordedBy)).get()?.name
    : undefined
  return {
    receiptNo: p.receiptNo,
    dealId: p.dealId,
    amountFen: p.amountFen,
    amountInWords: amountInWords(p.amountFen),
    paidOn: p.paidOn,
    status: p.status,
    direction: p.direction,
    kind: p.kind,
    method: p.method,
    payerName: displayName(row.customer),
    unit: unitLabel(row.unit),
    contractNo: row.deal.contractNo,
    projectName: row.project.name,
    cashierName: cashier ?? '',
    voidReason: p.voidReason,
    voidedAt: p.voidedAt,
  }
}

/** CONTRACT.md `receipts.void`: the receipt keeps its number, shows as void, and stops counting. */
export function voidReceipt({ ctx, input }: { ctx: UserServiceContext; input: ReceiptVoidInput }) {
  return ctx.db.transaction((tx) => {
    const p = loadReceipt(ctx, tx, input.projectId, input.receiptNo)
    if (p.status === 'void') fail('CONFLICT', 'receipt.alreadyVoid', { receiptNo: p.receiptNo })
    tx.update(payments)
      .set({
        status: 'void',
        voidedAt: ctx.now.toISOString(),
        voidedBy: ctx.actor.user.id,
        voidReason: input.reason,
      })
      .where(and(eq(payments.id, p.id), eq(payments.status, 'valid')))
      .run()
    const counted = p.direction === 'in' ? p.amountFen : -p.amountFen
    tx.update(deals)
      .set({ paidFen: sql`${deals.paidFen} - ${counted}`, updatedAt: ctx.now.toISOString() })
      .where(eq(deals.id, p.dealId))
      .run()
    audit(tx, ctx, 'receipts.void', { projectId: input.projectId, input })
    return { ok: true as const }
  })
}
