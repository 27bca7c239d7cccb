import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { deals, payments, projectMembers, receptions, targets, users } from '@anchang/db'
import { creditOf, fail, nextMonth, type TargetProgressInput, type TargetSetInput } from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'

/** `2026-03` → the first day of it and of the month after. */
function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: `${nextMonth(month)}-01` }
}

/** `targets.set`: the director's target for a month, for the project or one of its consultants. */
export function setTarget({ ctx, input }: { ctx: UserServiceContext; input: TargetSetInput }) {
  if (input.consultantId) {
    const member = ctx.db
      .select({ role: users.role })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(
        and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.consultantId)),
      )
      .get()
    if (member?.role !== 'consultant') fail('BAD_REQUEST', 'target.notConsultant')
  }
  const values = {
    visits: input.visits,
    subscriptions: input.subscriptions,
    signings: input.signings,
    signingFen: input.signingFen,
    collectionFen: input.collectionFen,
    updatedAt: ctx.now.toISOString(),
  }
  ctx.db.transaction((tx) => {
    tx.insert(targets)
      .values({
        projectId: input.projectId,
        month: input.month,
        consultantId: input.consultantId ?? '',
        ...values,
      })
      .onConflictDoUpdate({ target: [targets.projectId, targets.month, targets.consultantId], set: values })
      .run()
    audit(tx, ctx, 'targets.set', { projectId: input.projectId, input })
  })
  return { ok: true as const }
}

interface Figures {
  visits: number
  subscriptions: number
  signings: number
  signingFen: number
  collectionFen: number
}
const zero = (): Figures => ({ visits: 0, subscriptions: 0, signings: 0, signingFen: 0, collectionFen: 0 })

/**
 * `targets.progress`: the month's targets beside what was done, for the project and each consultant.
 * Visits are valid visit receptions; subscriptions those made in the month; signings are net (签约
 * less the signed deals cancelled in the month), in units and amount; collection is money in less
 * refunds, valid receipts only. A sale shared with a stand-in counts for each by their share.
 */
export function targetProgress({ ctx, input }: { ctx: UserServiceContext; input: TargetProgressInput }) {
  const { from, to } = monthRange(input.month)
  const me = ctx.actor.user
  const set = ctx.db
    .select()
    .from(targets)
    .where(and(eq(targets.projectId, input.projectId), eq(targets.month, input.month)))
    .all()
  const consultants = ctx.db
    .select({ id: users.id, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, input.projectId), eq(users.role, 'consultant')))
    .all()
  const actual = new Map<string, Figures>(consultants.map((c) => [c.id, zero()]))
  const total = zero()
  const add = (credit: { consultantId: string; percent: number }[], key: keyof Figures, amount: number) => {
    total[key] += amount
    for (const share of credit) {
      const figures = actual.get(share.consultantId)
      if (figures) figures[key] += amount * creditOf(credit, share.consultantId)
    }
  }
  for (const r of ctx.db
    .select({ consultantId: receptions.consultantId, n: sql<number>`count(*)` })
    .from(receptions)
    .where(
      and(
        eq(receptions.projectId, input.projectId),
        eq(receptions.kind, 'visit'),
        eq(receptions.result, 'valid'),
        gte(receptions.date, from),
        lt(receptions.date, to),
      ),
    )
    .groupBy(receptions.consultantId)
    .all())
    add([{ consultantId: r.consultantId, percent: 100 }], 'visits', r.n)
  const monthDeals = ctx.db
    .select()
    .from(deals)
    .where(
      and(
        eq(deals.projectId, input.projectId),
        sql`(${deals.subscribedOn} >= ${from} and ${deals.subscribedOn} < ${to})
          or (${deals.signedOn} >= ${from} and ${deals.signedOn} < ${to})
          or (${deals.closedAt} >= ${from} and ${deals.closedAt} < ${to})`,
      ),
    )
    .all()
  for (const d of monthDeals) {
    if (d.subscribedOn >= from && d.subscribedOn < to) add(d.credit, 'subscriptions', 1)
    if (d.signedOn && d.signedOn >= from && d.signedOn < to) {
      add(d.credit, 'signings', 1)
      add(d.credit, 'signingFen', d.priceFen)
    }
    // 净签约: a signed deal cancelled this month comes off this month's signings.
    if (
      d.status === 'cancelled' &&
      d.signedOn &&
      d.closedAt &&
      d.closedAt.slice(0, 10) >= from &&
      d.closedAt.slice(0, 10) < to
    ) {
      add(d.credit, 'signings', -1)
      add(d.credit, 'signingFen', -d.priceFen)
    }
  }
  const paid = ctx.db
    .select({ dealId: payments.dealId, direction: payments.direction, amountFen: payments.amountFen })
    .from(payments)
    .where(
      and(
        eq(payments.projectId, input.projectId),
        eq(payments.status, 'valid'),
        gte(payments.paidOn, from),
        lt(payments.paidOn, to),
      ),
    )
    .all()
  const credits = new Map(
    paid.length
      ? ctx.db
          .select({ id: deals.id, credit: deals.credit })
          .from(deals)
          .where(inArray(deals.id, [...new Set(paid.map((p) => p.dealId))]))
          .all()
          .map((d) => [d.id, d.credit])
      : [],
  )
  for (const p of paid)
    add(credits.get(p.dealId) ?? [], 'collectionFen', p.direction === 'in' ? p.amountFen : -p.amountFen)
  const targetOf = (consultantId: string) => {
    const t = set.find((s) => s.consultantId === consultantId)
    return t
      ? {
          visits: t.visits,
          subscriptions: t.subscriptions,
          signings: t.signings,
          signingFen: t.signingFen,
          collectionFen: t.collectionFen,
        }
      : null
  }
  const people = consultants
    .filter((c) => me.role !== 'consultant' || c.id === me.id)
    .map((c) => ({ consultantId: c.id, name: c.name, target: targetOf(c.id), actual: actual.get(c.id)! }))
  return { month: input.month, project: { target: targetOf(''), actual: total }, consultants: people }
}
