import { z } from 'zod'
import { MAX_FEN } from '../money/words'
import { PAYMENT_METHODS, PRODUCT_TYPES } from '../money/price-policy'
import { PAPERWORK_STEPS } from '../money/paperwork'
import { Id, IsoDate, Name, ProjectId, RequiredText, Text } from './common'

/** Money: whole fen, from nothing to 10¹² fen (CONTRACT.md "From unit to money"). */
export const Fen = z.number().int().min(0).max(MAX_FEN)
/** An amount that is paid or owed: at least one fen. */
export const PositiveFen = Fen.min(1)
/** m² with at most two decimals, up to 100 000. */
export const AreaM2 = z
  .number()
  .min(0, { error: '@area' })
  .max(100_000, { error: '@area' })
  .refine((a) => Math.abs(Math.round(a * 100) - a * 100) < 1e-6, { error: '@area' })

/** Area as the database keeps it: whole hundredths of a square metre, so sums never drift. */
export const centiM2 = (areaM2: number): number => Math.round(areaM2 * 100)
export const m2Of = (centiM2: number): number => centiM2 / 100

const PaymentMethod = z.enum(PAYMENT_METHODS)
const Reason = RequiredText(200)

export const UnitRow = z.object({
  building: Name(20),
  entrance: Name(20),
  /** Negative below ground (车位 on B1 is -1). */
  floor: z.number().int().min(-10).max(200),
  room: Name(20),
  layout: Name(30),
  areaM2: AreaM2,
  listPriceFen: Fen,
  product: z.enum(PRODUCT_TYPES).default('residential'),
  /** 朝向 (南北, 东南…): floor and orientation premiums in the price policy read it. */
  orientation: Name(10).optional(),
})
export type UnitRow = z.infer<typeof UnitRow>

export const UNITS_IMPORT_MAX = 5_000
export const UnitsImportInput = z.object({
  projectId: ProjectId,
  units: z.array(UnitRow).min(1).max(UNITS_IMPORT_MAX),
})
export type UnitsImportInput = z.infer<typeof UnitsImportInput>

export const UnitsGridInput = z.object({ projectId: ProjectId, building: Name(20).optional() })
export type UnitsGridInput = z.infer<typeof UnitsGridInput>

export const UnitIdInput = z.object({ unitId: Id })
export type UnitIdInput = z.infer<typeof UnitIdInput>

/** The unit actions a person takes on the grid itself (保留, 放出, 不可售): deals move units by their own verbs. */
export const UNIT_GRID_ACTIONS = ['hold', 'release', 'withhold', 'unwithhold'] as const
export const UnitSetStatusInput = z.object({
  unitId: Id,
  action: z.enum(UNIT_GRID_ACTIONS),
  reason: Reason,
})
export type UnitSetStatusInput = z.infer<typeof UnitSetStatusInput>

export const QuoteInput = z.object({ unitId: Id, paymentMethod: PaymentMethod })
export type QuoteInput = z.infer<typeof QuoteInput>

export const SpecialPriceRequestInput = z.object({
  unitId: Id,
  customerId: Id,
  paymentMethod: PaymentMethod,
  priceFen: Fen,
  reason: Reason,
})
export type SpecialPriceRequestInput = z.infer<typeof SpecialPriceRequestInput>

export const SpecialPriceDecideInput = z.object({
  requestId: Id,
  approve: z.boolean(),
  note: Text(200).optional(),
})
export type SpecialPriceDecideInput = z.infer<typeof SpecialPriceDecideInput>

export const SPECIAL_PRICE_STATUSES = ['pending', 'approved', 'rejected', 'used', 'expired'] as const
export type SpecialPriceStatus = (typeof SPECIAL_PRICE_STATUSES)[number]
export const SpecialPriceListInput = z.object({
  projectId: ProjectId,
  status: z.enum(SPECIAL_PRICE_STATUSES).optional(),
})
export type SpecialPriceListInput = z.infer<typeof SpecialPriceListInput>

export const SubscribeInput = z.object({
  unitId: Id,
  customerId: Id,
  paymentMethod: PaymentMethod,
  priceFen: Fen,
  depositFen: Fen,
  signBy: IsoDate,
  specialPriceRequestId: Id.optional(),
})
export type SubscribeInput = z.infer<typeof SubscribeInput>

export const ScheduleRowInput = z.object({
  dueOn: IsoDate,
  amountFen: Fen,
  label: Name(20).optional(),
})

export const SignInput = z.object({
  dealId: Id,
  contractNo: Name(40),
  signedOn: IsoDate.optional(),
  schedule: z.array(ScheduleRowInput).min(1).max(120),
  /** 网签: the housing authority's reference and its date, when the assistant has them. */
  onlineSignRef: Name(40).optional(),
  onlineSignOn: IsoDate.optional(),
})
export type SignInput = z.infer<typeof SignInput>

/** A manager's leave to date a contract earlier than today (an offer made on Saturday, entered on Monday). */
export const BackdateInput = z.object({ dealId: Id, signedOn: IsoDate, reason: Reason })
export type BackdateInput = z.infer<typeof BackdateInput>

export const OnlineSignInput = z.object({ dealId: Id, onlineSignRef: Name(40), onlineSignOn: IsoDate })
export type OnlineSignInput = z.infer<typeof OnlineSignInput>

export const DealIdInput = z.object({ dealId: Id })
export const RemindInput = z.object({ dealId: Id, note: Text(200).optional() })
export type RemindInput = z.infer<typeof RemindInput>
export type DealIdInput = z.infer<typeof DealIdInput>

export const DEAL_STATUSES = ['subscribed', 'signed', 'cancelled', 'forfeited'] as const
export type DealStatus = (typeof DEAL_STATUSES)[number]
/** The lists a manager and an assistant work from. */
export const DEAL_VIEWS = ['all', 'overdueSigning', 'arrears'] as const
export const DealListInput = z.object({
  projectId: ProjectId,
  status: z.enum(DEAL_STATUSES).optional(),
  view: z.enum(DEAL_VIEWS).default('all'),
  consultantId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(200),
})
export type DealListInput = z.infer<typeof DealListInput>

/** Changes of a deal (DOMAIN.md): each asked for, then approved or rejected by the director. */
export const DEAL_CHANGE_KINDS = ['cancel', 'forfeit', 'changeUnit', 'rename', 'changePrice', 'undo'] as const
export type DealChangeKind = (typeof DEAL_CHANGE_KINDS)[number]
export const DealChangeRequestInput = z.discriminatedUnion('kind', [
  z.object({ dealId: Id, kind: z.literal('cancel'), reason: Reason }),
  z.object({ dealId: Id, kind: z.literal('forfeit'), reason: Reason }),
  z.object({ dealId: Id, kind: z.literal('changeUnit'), reason: Reason, unitId: Id, priceFen: Fen }),
  z.object({ dealId: Id, kind: z.literal('rename'), reason: Reason, customerId: Id }),
  z.object({ dealId: Id, kind: z.literal('changePrice'), reason: Reason, priceFen: Fen }),
  /** Takes an approved change back (a cancellation the customer withdrew), with approval as well. */
  z.object({ dealId: Id, kind: z.literal('undo'), reason: Reason, changeId: Id }),
])
export type DealChangeRequestInput = z.infer<typeof DealChangeRequestInput>
export const DealChangeDecideInput = z.object({
  changeId: Id,
  approve: z.boolean(),
  note: Text(200).optional(),
})
export type DealChangeDecideInput = z.infer<typeof DealChangeDecideInput>

export const PAYMENT_CHANNELS = ['cash', 'card', 'transfer', 'loan'] as const
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number]
export const PAYMENT_KINDS = ['deposit', 'down_payment', 'instalment', 'loan'] as const
export type PaymentKind = (typeof PAYMENT_KINDS)[number]

export const PaymentRecordInput = z.object({
  dealId: Id,
  amountFen: PositiveFen,
  method: z.enum(PAYMENT_CHANNELS),
  paidOn: IsoDate,
  kind: z.enum(PAYMENT_KINDS),
})
export type PaymentRecordInput = z.infer<typeof PaymentRecordInput>

/** A receipt number as printed; an integer from a client that kept it as one is read the same. */
const ReceiptNo = z.union([z.string().trim().min(1).max(40), z.number().int().min(0)]).transform(String)
export const ReceiptGetInput = z.object({ projectId: ProjectId, receiptNo: ReceiptNo })
export type ReceiptGetInput = z.infer<typeof ReceiptGetInput>
export const ReceiptVoidInput = z.object({ projectId: ProjectId, receiptNo: ReceiptNo, reason: Reason })
export type ReceiptVoidInput = z.infer<typeof ReceiptVoidInput>

/** A month as `YYYY-MM`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '@month' })
const Count = z.number().int().min(0).max(100_000)

/** The director's monthly target, for the project or (with `consultantId`) for one consultant. */
export const TargetSetInput = z.object({
  projectId: ProjectId,
  month: Month,
  consultantId: Id.optional(),
  visits: Count,
  subscriptions: Count,
  signings: Count,
  signingFen: Fen,
  collectionFen: Fen,
})
export type TargetSetInput = z.infer<typeof TargetSetInput>
export const TargetProgressInput = z.object({ projectId: ProjectId, month: Month })
export type TargetProgressInput = z.infer<typeof TargetProgressInput>

export const PaperworkUpdateInput = z.object({
  dealId: Id,
  step: z.enum(PAPERWORK_STEPS),
  /** The day the step was done; null takes it back (entered by mistake). */
  doneOn: IsoDate.nullable(),
  holder: Name(40).optional(),
  note: Text(200).optional(),
})
export type PaperworkUpdateInput = z.infer<typeof PaperworkUpdateInput>
export const PaperworkListInput = z.object({ projectId: ProjectId, overdue: z.boolean().default(true) })
export type PaperworkListInput = z.infer<typeof PaperworkListInput>
