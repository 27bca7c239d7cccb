import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type {
  DealChangeKind,
  DealStatus,
  PaymentChannel,
  PaymentKind,
  PaymentMethod,
  ProductType,
  UnitAction,
  UnitStatus,
} from '@anchang/shared'
import { customers } from './customers'
import { projects } from './projects'
import { users } from './users'

/**
 * From unit to money (DOMAIN.md): money is integer fen and area whole hundredths of a m² everywhere,
 * so sums are exact. A unit names its building, entrance (单元) and room once per project.
 */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    building: text('building').notNull(),
    entrance: text('entrance').notNull(),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    layout: text('layout').notNull(),
    areaCentiM2: integer('area_centi_m2').notNull(),
    listPriceFen: integer('list_price_fen').notNull(),
    product: text('product').$type<ProductType>().notNull(),
    orientation: text('orientation'),
    status: text('status').$type<UnitStatus>().notNull(),
    /** Bumped with every change of status: what a grid screen compares to know it missed nothing. */
    version: integer('version').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('units_place').on(t.projectId, t.building, t.entrance, t.room),
    // The grid reads a project (or one building) in its display order.
    index('units_grid').on(t.projectId, t.building, t.entrance, t.floor, t.room),
  ],
)

/** Every change of a unit's status, with who and why: the unit's history on the grid. */
export const unitEvents = sqliteTable(
  'unit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    at: text('at').notNull(),
    action: text('action').$type<UnitAction | 'import'>().notNull(),
    fromStatus: text('from_status').$type<UnitStatus>(),
    toStatus: text('to_status').$type<UnitStatus>().notNull(),
    dealId: text('deal_id'),
    actorId: text('actor_id').references(() => users.id),
    reason: text('reason'),
  },
  (t) => [index('unit_events_unit').on(t.unitId, t.id)],
)

/** 特价审批: a price below the policy, asked for one unit and customer, decided by the director. */
export const specialPrices = sqliteTable(
  'special_prices',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    paymentMethod: text('payment_method').$type<PaymentMethod>().notNull(),
    priceFen: integer('price_fen').notNull(),
    /** The policy's lowest price when asked: what the director compares against. */
    quoteFen: integer('quote_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'rejected' | 'used'>().notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    note: text('note'),
    /** An approval can be used until then (expired after: computed on read, nothing sweeps it). */
    validUntil: text('valid_until'),
    usedByDealId: text('used_by_deal_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('special_prices_project').on(t.projectId, t.status, t.createdAt),
    index('special_prices_unit').on(t.unitId, t.customerId),
  ],
)

/** A deal: one customer's purchase of one unit, from subscription (认购) to signing (签约). */
export const deals = sqliteTable(
  'deals',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The consultant credited: the customer's owner at subscription. */
    consultantId: text('consultant_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<DealStatus>().notNull(),
    paymentMethod: text('payment_method').$type<PaymentMethod>().notNull(),
    priceFen: integer('price_fen').notNull(),
    listPriceFen: integer('list_price_fen').notNull(),
    /** The policy's lowest price at subscription: a price below it came with a special price. */
    quoteFen: integer('quote_fen').notNull(),
    /** Area and product as sold, for the reports (a change of unit moves them). */
    areaCentiM2: integer('area_centi_m2').notNull(),
    depositFen: integer('deposit_fen').notNull(),
    signBy: text('sign_by').notNull(),
    specialPriceId: text('special_price_id'),
    subscribedAt: text('subscribed_at').notNull(),
    subscribedOn: text('subscribed_on').notNull(),
    contractNo: text('contract_no'),
    signedOn: text('signed_on'),
    signedAt: text('signed_at'),
    /** A manager's leave to date the contract before the day it was entered; flagged in reports. */
    backdateOn: text('backdate_on'),
    backdateBy: text('backdate_by').references(() => users.id),
    onlineSignRef: text('online_sign_ref'),
    onlineSignOn: text('online_sign_on'),
    closedAt: text('closed_at'),
    /** Kept in step with the valid receipts, in the same transaction: the lists read it. */
    paidFen: integer('paid_fen').notNull().default(0),
    /**
     * Who the sale counts for, in percent: the owner alone, or the owner and the stand-in whose duty
     * reception it came from (the project's on-behalf share, DOMAIN.md "Customers and ownership").
     */
    credit: text('credit', { mode: 'json' })
      .$type<{ consultantId: string; percent: number }[]>()
      .notNull()
      .default(sql`'[]'`),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The database's own guarantee that a unit has one live deal: two subscriptions at once cannot both land.
    uniqueIndex('deals_live_unit')
      .on(t.unitId)
      .where(sql`${t.status} in ('subscribed', 'signed')`),
    uniqueIndex('deals_contract')
      .on(t.projectId, t.contractNo)
      .where(sql`${t.contractNo} is not null`),
    index('deals_project').on(t.projectId, t.status, t.subscribedAt),
    index('deals_consultant').on(t.projectId, t.consultantId, t.subscribedAt),
    index('deals_customer').on(t.customerId),
  ],
)

/** The payment schedule agreed at signing: rows summing to the price exactly. */
export const dealSchedule = sqliteTable(
  'deal_schedule',
  {
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    seq: integer('seq').notNull(),
    label: text('label'),
    dueOn: text('due_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.seq] }), index('deal_schedule_due').on(t.dueOn)],
)

/** Money received (回款), each with its receipt; a void keeps its number and stops counting. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    receiptSeq: integer('receipt_seq').notNull(),
    receiptNo: text('receipt_no').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** A refund is a payment out: its own receipt, a negative amount. */
    direction: text('direction').$type<'in' | 'refund'>().notNull().default('in'),
    method: text('method').$type<PaymentChannel>().notNull(),
    kind: text('kind').$type<PaymentKind | 'refund' | 'carried'>().notNull(),
    paidOn: text('paid_on').notNull(),
    status: text('status').$type<'valid' | 'void'>().notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_receipt').on(t.projectId, t.receiptSeq),
    index('payments_deal').on(t.dealId),
    index('payments_project_day').on(t.projectId, t.paidOn),
  ],
)

/** One per-project sequence per name (receipts), never reused: a void keeps its number. */
export const counters = sqliteTable(
  'counters',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.name] })],
)

/** 退房, 挞定, 换房, 更名, 调价: asked for, then decided by the director; a deal is never deleted. */
export const dealChanges = sqliteTable(
  'deal_changes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    kind: text('kind').$type<DealChangeKind>().notNull(),
    /** `undone`: an approved change taken back by a later, approved `undo`. */
    status: text('status').$type<'pending' | 'approved' | 'rejected' | 'undone'>().notNull(),
    reason: text('reason').notNull(),
    /** What the change asks: the new unit and price, the new buyer, the new price, the change to undo. */
    details: text('details', { mode: 'json' })
      .$type<{ unitId?: string; priceFen?: number; customerId?: string; changeId?: string }>()
      .notNull(),
    /** The deal as it was before an approved change: what undoing it restores. */
    before: text('before', { mode: 'json' }).$type<{
      unitId: string
      priceFen: number
      customerId: string
      status: DealStatus
    }>(),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: text('requested_at').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    note: text('note'),
  },
  (t) => [
    index('deal_changes_deal').on(t.dealId, t.requestedAt),
    index('deal_changes_project').on(t.projectId, t.status),
  ],
)

/** The director's monthly targets (指标), per project or per consultant: what 完成率 divides by. */
export const targets = sqliteTable(
  'targets',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    /** Empty for the project's own target. */
    consultantId: text('consultant_id').notNull().default(''),
    visits: integer('visits').notNull().default(0),
    subscriptions: integer('subscriptions').notNull().default(0),
    signings: integer('signings').notNull().default(0),
    signingFen: integer('signing_fen').notNull().default(0),
    collectionFen: integer('collection_fen').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.month, t.consultantId] })],
)

/**
 * The mortgage and title paperwork of a deal (按揭 / 产权): each step done on a day, with who holds the
 * papers now. A step not done is due some days after signing (project settings); overdue ones are listed.
 */
export const dealPaperwork = sqliteTable(
  'deal_paperwork',
  {
    dealId: text('deal_id')
      .notNull()
      .references(() => deals.id),
    step: text('step').notNull(),
    doneOn: text('done_on'),
    /** Who has the papers: a person, the bank, 客服部. */
    holder: text('holder'),
    note: text('note'),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.step] })],
)
