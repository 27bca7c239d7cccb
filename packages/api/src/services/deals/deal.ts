import { eq } from 'drizzle-orm'
import { deals, type DbOrTx } from '@anchang/db'
import { DEAL_STATUS_LABELS, fail, isManaging, localDate, type Role } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import type { ServiceContext, UserServiceContext } from '../context'
import { configOf } from '../customers/book'

export type DealRow = typeof deals.$inferSelect

/** A deal of a project the caller belongs to (anyone else is refused as for any project). */
export function loadDeal(ctx: ServiceContext, db: DbOrTx, dealId: string): DealRow {
  const deal = db.select().from(deals).where(eq(deals.id, dealId)).get()
  if (!deal) fail('NOT_FOUND', 'deal.notFound')
  assertProjectAccess(ctx, deal.projectId)
  return deal
}

/** Today in the project's time zone: deadlines, contract dates and receipts are days there. */
export const todayOf = (ctx: ServiceContext, projectId: string): string =>
  localDate(ctx.now, configOf(ctx, projectId).timeZone)

/** A deal that is still a sale: cancelled and forfeited deals take nothing more. */
export function assertLive(deal: DealRow): void {
  if (deal.status !== 'subscribed' && deal.status !== 'signed')
    fail('CONFLICT', 'deal.closed', { status: DEAL_STATUS_LABELS[deal.status] })
}

/** The office's paperwork roles: an assistant, a manager, a director. */
export const isOffice = (role: Role): boolean => role === 'assistant' || isManaging(role)

/** The deal's own consultant or the office (signing, asking for a change). */
export function assertDealHand(
  ctx: UserServiceContext,
  deal: DealRow,
  key: 'deal.notYoursToSign' | 'change.notYours',
) {
  const me = ctx.actor.user
  if (me.id !== deal.consultantId && !isOffice(me.role)) fail('FORBIDDEN', key)
}
