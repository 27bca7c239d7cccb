/**
 * The paperwork after signing (DOMAIN.md "Mortgage and title"): the loan's documents collected →
 * submitted to the bank → approved → disbursed, and the title papers collected → handed to customer
 * service (客服部). Steps of a track are done in order; each is due some days after signing (a project
 * setting), and one not done by then is overdue.
 */
import type { LocalText } from '../i18n/locale'
import { addDays } from '../time'
import type { PaymentMethod } from './price-policy'

export const PAPERWORK_STEPS = [
  'loanDocs',
  'loanSubmitted',
  'loanApproved',
  'loanDisbursed',
  'titleDocs',
  'titleHanded',
] as const
export type PaperworkStep = (typeof PAPERWORK_STEPS)[number]
export type PaperworkTrack = 'loan' | 'title'

export const PAPERWORK_TRACK: Record<PaperworkStep, PaperworkTrack> = {
  loanDocs: 'loan',
  loanSubmitted: 'loan',
  loanApproved: 'loan',
  loanDisbursed: 'loan',
  titleDocs: 'title',
  titleHanded: 'title',
}

export const PAPERWORK_LABELS: Record<PaperworkStep, LocalText> = {
  loanDocs: { 'zh-CN': '按揭资料收齐', en: 'loan documents collected' },
  loanSubmitted: { 'zh-CN': '资料已报银行', en: 'submitted to the bank' },
  loanApproved: { 'zh-CN': '银行已审批', en: 'loan approved' },
  loanDisbursed: { 'zh-CN': '贷款已放款', en: 'loan disbursed' },
  titleDocs: { 'zh-CN': '产权资料收齐', en: 'title papers collected' },
  titleHanded: { 'zh-CN': '已移交客服部', en: 'handed to customer service' },
}

/** Days after signing each step is due (the usual ones; a project may set its own). */
export const DEFAULT_PAPERWORK_DAYS: Record<PaperworkStep, number> = {
  loanDocs: 7,
  loanSubmitted: 15,
  loanApproved: 30,
  loanDisbursed: 45,
  titleDocs: 30,
  titleHanded: 60,
}

/** The steps a deal has: the loan's only with a mortgage. */
export function paperworkStepsFor(paymentMethod: PaymentMethod): PaperworkStep[] {
  return PAPERWORK_STEPS.filter((s) => paymentMethod === 'mortgage' || PAPERWORK_TRACK[s] === 'title')
}

export interface PaperworkEntry {
  step: PaperworkStep
  doneOn: string | null
  holder: string | null
  note: string | null
}

export interface PaperworkState extends PaperworkEntry {
  track: PaperworkTrack
  dueOn: string
  overdue: boolean
}

/** Each step of a signed deal: done or not, when it is due, and whether it is late today. */
export function paperworkState(
  deal: { paymentMethod: PaymentMethod; signedOn: string },
  done: readonly PaperworkEntry[],
  days: Record<PaperworkStep, number>,
  today: string,
): PaperworkState[] {
  return paperworkStepsFor(deal.paymentMethod).map((step) => {
    const entry = done.find((d) => d.step === step)
    const dueOn = addDays(deal.signedOn, days[step])
    return {
      step,
      track: PAPERWORK_TRACK[step],
      doneOn: entry?.doneOn ?? null,
      holder: entry?.holder ?? null,
      note: entry?.note ?? null,
      dueOn,
      overdue: !entry?.doneOn && dueOn < today,
    }
  })
}

/** The step before this one in its track, which must be done first (null for a track's first step). */
export function previousStep(step: PaperworkStep): PaperworkStep | null {
  const i = PAPERWORK_STEPS.indexOf(step)
  const before = PAPERWORK_STEPS[i - 1]
  return before && PAPERWORK_TRACK[before] === PAPERWORK_TRACK[step] ? before : null
}
