import { z } from 'zod'
import { BREAK_REASONS, DEFAULT_BREAK_KEEPS_PLACE } from './break-reasons'
import { DEFAULT_PRICE_POLICY, PricePolicy } from './money/price-policy'
import { PaymentPlan } from './money/payment-plan'
import { UNIT_STATUSES } from './money/unit-status'
import { DEFAULT_PAPERWORK_DAYS, PAPERWORK_STEPS } from './money/paperwork'
import { DEFAULT_REPORT_SETTINGS, ReportSettings } from './reports/definitions'

export { BREAK_REASONS, type BreakReason } from './break-reasons'

/**
 * The rules offices word differently (DOMAIN.md, "The rotation" and "Customers and ownership").
 * Every field has the default the specification names; a project stores only what it changed.
 */

const Days = (max: number) => z.number().int().min(1).max(max)

export const RotationSettings = z.object({
  /** Calls and walk-ins draw from two separate queues. */
  separateCallQueue: z.boolean(),
  /** A returning customer received by their owner uses the owner's turn. */
  returningUsesTurn: z.boolean(),
  /** A stand-in's reception on an absent owner's behalf uses the stand-in's turn. */
  onBehalfUsesTurn: z.boolean(),
  /** Break reasons that keep the consultant's place in the queue; the others lose it. */
  breakKeepsPlace: z.record(z.enum(BREAK_REASONS), z.boolean()),
  /** Minutes during which a manager may undo a wrong assignment. */
  undoWindowMinutes: z.number().int().min(0).max(60),
  /** Overdue follow-ups take a consultant out of the rotation. */
  overdueFollowUpsBlock: z.boolean(),
})
export type RotationSettings = z.infer<typeof RotationSettings>

export const OwnershipSettings = z.object({
  /** Days of protection from the last logged contact. */
  protectionDays: Days(365),
  /** The owner's share, in percent, of a deal closed on a stand-in's duty reception. */
  onBehalfOwnerSharePercent: z.number().int().min(0).max(100),
  /** Days a partner's advance report of a customer credits that channel. */
  channelReportWindowDays: Days(365),
  /** Follow-up cadence per grade, in days. */
  followUpDays: z.object({ A: Days(365), B: Days(365), C: Days(365) }),
  /** How a partner's report is matched to a visitor: the whole number, or first 3 + last 4 digits (前三后四). */
  channelReportMatch: z.enum(['full', 'first3last4']),
  /**
   * A report made after the customer had already visited on their own: `visitWins` (到访为王, the earlier
   * visit keeps its channel) or `reportWins` (the report credits its channel on the next visit).
   */
  reportAfterVisit: z.enum(['visitWins', 'reportWins']),
  /** A new customer with no follow-up this many hours after the first contact is flagged for the manager. */
  newCustomerFollowUpHours: z.number().int().min(1).max(720),
  /** A reception left open this many minutes is flagged for the manager. */
  unfinishedReceptionMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** The kiosk welcomes a known number back by surname and title (王先生) and skips what the book knows. */
  welcomeBack: z.boolean(),
})
export type OwnershipSettings = z.infer<typeof OwnershipSettings>

const Colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { error: '@colour' })

export const SalesSettings = z.object({
  /** The lowest prices the office may quote without the director (price-policy.ts). */
  pricePolicy: PricePolicy,
  /** Days an approved special price may be used, from its approval. */
  specialPriceValidDays: Days(90),
  /** How many days before today a contract may be dated, with a manager's leave. */
  backdateDays: z.number().int().min(0).max(31),
  /** The signing deadline offered at subscription: this many days after it. */
  signWithinDays: Days(90),
  /** The payment-plan templates signing starts from. */
  paymentPlans: z.array(PaymentPlan).max(20),
  /** The grid's colour per status (no national standard: formats.md gives one system's defaults). */
  unitColours: z.record(z.enum(UNIT_STATUSES), Colour),
  /** The pre-sale permit (预售许可证) printed in the grid's title and on agreements. */
  presalePermit: z.string().trim().max(60),
  /** Days after signing each step of the loan and title paperwork is due. */
  paperworkDays: z.record(z.enum(PAPERWORK_STEPS), Days(365)),
})
export type SalesSettings = z.infer<typeof SalesSettings>

export const ProjectSettings = z.object({
  rotation: RotationSettings,
  ownership: OwnershipSettings,
  sales: SalesSettings,
  reports: ReportSettings,
})
export type ProjectSettings = z.infer<typeof ProjectSettings>

export const DEFAULT_SETTINGS: ProjectSettings = {
  rotation: {
    separateCallQueue: false,
    returningUsesTurn: false,
    onBehalfUsesTurn: false,
    breakKeepsPlace: DEFAULT_BREAK_KEEPS_PLACE,
    undoWindowMinutes: 2,
    overdueFollowUpsBlock: false,
  },
  ownership: {
    protectionDays: 30,
    onBehalfOwnerSharePercent: 50,
    channelReportWindowDays: 15,
    followUpDays: { A: 3, B: 7, C: 15 },
    channelReportMatch: 'full',
    reportAfterVisit: 'visitWins',
    newCustomerFollowUpHours: 48,
    unfinishedReceptionMinutes: 60,
    welcomeBack: true,
  },
  sales: {
    pricePolicy: DEFAULT_PRICE_POLICY,
    specialPriceValidDays: 3,
    backdateDays: 3,
    signWithinDays: 7,
    paymentPlans: [
      {
        name: '一次性付款',
        paymentMethod: 'full',
        rounding: 'yuan',
        rows: [{ label: '全款', afterDays: 7, basisPoints: 10_000, depositCounts: true }],
      },
      {
        name: '按揭（首付三成）',
        paymentMethod: 'mortgage',
        rounding: 'yuan',
        rows: [
          { label: '首付款', afterDays: 7, basisPoints: 3_000, depositCounts: true },
          { label: '按揭贷款', afterDays: 60, basisPoints: 7_000, depositCounts: false },
        ],
      },
      {
        name: '分期（三期）',
        paymentMethod: 'instalment',
        rounding: 'yuan',
        rows: [
          { label: '首期', afterDays: 7, basisPoints: 4_000, depositCounts: true },
          { label: '二期', afterDays: 90, basisPoints: 3_000, depositCounts: false },
          { label: '尾款', afterDays: 180, basisPoints: 3_000, depositCounts: false },
        ],
      },
    ],
    unitColours: {
      available: '#DDE8E8',
      held: '#8DE4A6',
      subscribed: '#00CCFF',
      signed: '#E5C862',
      withheld: '#B8B8B8',
    },
    presalePermit: '',
    paperworkDays: DEFAULT_PAPERWORK_DAYS,
  },
  reports: DEFAULT_REPORT_SETTINGS,
}

/** A partial update from the settings page: any subset of the fields above. */
export const ProjectSettingsPatch = z.object({
  rotation: RotationSettings.extend({ breakKeepsPlace: z.partialRecord(z.enum(BREAK_REASONS), z.boolean()) })
    .partial()
    .optional(),
  ownership: OwnershipSettings.extend({ followUpDays: OwnershipSettings.shape.followUpDays.partial() })
    .partial()
    .optional(),
  // The policy and the plans are replaced whole: a rule list half-merged would be no one's policy.
  sales: SalesSettings.extend({
    unitColours: z.partialRecord(z.enum(UNIT_STATUSES), Colour),
    paperworkDays: z.partialRecord(z.enum(PAPERWORK_STEPS), Days(365)),
  })
    .partial()
    .optional(),
  reports: ReportSettings.partial().optional(),
})
export type ProjectSettingsPatch = z.infer<typeof ProjectSettingsPatch>

/** Stored settings over the defaults, so a setting added later takes its default on old projects. */
export function resolveSettings(stored: unknown): ProjectSettings {
  const patch = ProjectSettingsPatch.safeParse(stored)
  return applySettingsPatch(DEFAULT_SETTINGS, patch.success ? patch.data : {})
}

export function applySettingsPatch(base: ProjectSettings, patch: ProjectSettingsPatch): ProjectSettings {
  return {
    rotation: {
      ...base.rotation,
      ...patch.rotation,
      breakKeepsPlace: { ...base.rotation.breakKeepsPlace, ...patch.rotation?.breakKeepsPlace },
    },
    ownership: {
      ...base.ownership,
      ...patch.ownership,
      followUpDays: { ...base.ownership.followUpDays, ...patch.ownership?.followUpDays },
    },
    sales: {
      ...base.sales,
      ...patch.sales,
      unitColours: { ...base.sales.unitColours, ...patch.sales?.unitColours },
      paperworkDays: { ...base.sales.paperworkDays, ...patch.sales?.paperworkDays },
    },
    reports: { ...base.reports, ...patch.reports },
  }
}
