import { z } from 'zod'
import { ASSIGNMENT_REASONS, DEAL_CHANGE_KINDS, yuanText } from '@anchang/shared'

/**
 * What `rotation.onNotice` and `rotation.mine().notices` carry (the server's `NoticePayload`).
 * Checked here once anyway: stored notices may come from an older server, and a notice of a kind
 * this app does not know yet is skipped rather than shown half-read.
 */
const Visitor = z.object({
  name: z.string(),
  phone: z.string(),
  partySize: z.number(),
  channel: z.string().nullable(),
  kind: z.enum(['visit', 'call']),
})

const Assignment = z.object({
  projectId: z.string(),
  receptionId: z.string(),
  reason: z.enum(ASSIGNMENT_REASONS),
  visitor: Visitor,
  at: z.string(),
})

const Person = z.object({ id: z.string(), name: z.string() })

const RotationNotice = z.discriminatedUnion('type', [
  Assignment.extend({ type: z.literal('assigned') }),
  Assignment.extend({
    type: z.literal('on_behalf'),
    standIn: z.object({ id: z.string(), name: z.string() }),
  }),
  Assignment.omit({ reason: true }).extend({
    type: z.literal('needs_reassign'),
    consultant: z.object({ id: z.string(), name: z.string() }),
    reason: z.string().nullable(),
  }),
  z.object({
    type: z.literal('appeal_answered'),
    appealId: z.string(),
    accepted: z.boolean(),
    answer: z.string(),
    grantedTurn: z.boolean(),
    at: z.string().optional(),
  }),
  z.object({
    type: z.literal('special_price_requested'),
    projectId: z.string(),
    requestId: z.string(),
    unit: z.string(),
    priceFen: z.number(),
    quoteFen: z.number(),
    consultant: Person,
    at: z.string(),
  }),
  z.object({
    type: z.literal('special_price_decided'),
    projectId: z.string(),
    requestId: z.string(),
    unit: z.string(),
    priceFen: z.number(),
    approved: z.boolean(),
    note: z.string().nullable(),
    validUntil: z.string().nullable(),
    at: z.string(),
  }),
  z.object({
    type: z.literal('deal_change_requested'),
    projectId: z.string(),
    changeId: z.string(),
    dealId: z.string(),
    kind: z.enum(DEAL_CHANGE_KINDS),
    unit: z.string(),
    by: Person,
    at: z.string(),
  }),
  z.object({
    type: z.literal('payment_reminder'),
    projectId: z.string(),
    dealId: z.string(),
    unit: z.string(),
    customerName: z.string(),
    arrearsFen: z.number(),
    note: z.string().nullable(),
    by: Person,
    at: z.string(),
  }),
  z.object({
    type: z.literal('deal_change_decided'),
    projectId: z.string(),
    changeId: z.string(),
    dealId: z.string(),
    kind: z.enum(DEAL_CHANGE_KINDS),
    unit: z.string(),
    approved: z.boolean(),
    note: z.string().nullable(),
    at: z.string(),
  }),
])
export type RotationNotice = z.infer<typeof RotationNotice>
export type AssignedNotice = Extract<RotationNotice, { type: 'assigned' }>

export function parseNotice(raw: unknown): RotationNotice | null {
  const parsed = RotationNotice.safeParse(raw)
  return parsed.success ? parsed.data : null
}

/** A stored notice (`rotation.mine`) keeps its type beside the payload; the live one carries it inside. */
export function parseStoredNotice(stored: {
  type: string
  payload: unknown
  createdAt: string
}): RotationNotice | null {
  const payload = typeof stored.payload === 'object' && stored.payload !== null ? stored.payload : {}
  return parseNotice({ at: stored.createdAt, ...payload, type: stored.type })
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** `王先生（2人，网络）`: who is coming, how many, and how they heard of us. */
export function visitorSummary(visitor: z.infer<typeof Visitor>, t: Translate): string {
  const who = visitor.name || visitor.phone
  const party = t('notice.party', { n: visitor.partySize })
  const details = visitor.channel ? `${party}${t('notice.separator')}${visitor.channel}` : party
  return t('notice.visitor', { who, details })
}

/** A decision's line with the decider's note after it, when there is one. */
const withNote = (text: string, note: string | null, t: Translate) =>
  note ? t('notice.withNote', { text, note }) : text

/**
 * The alert's one line, e.g. `新接待：王先生（2人，网络）— 轮序`; `time` writes an instant (a special
 * price's validity) in the project's zone.
 */
export function noticeText(
  notice: RotationNotice,
  t: Translate,
  time: (iso: string) => string = (iso) => iso.slice(0, 10),
): string {
  switch (notice.type) {
    case 'assigned':
      return t(notice.visitor.kind === 'call' ? 'notice.assignedCall' : 'notice.assigned', {
        visitor: visitorSummary(notice.visitor, t),
        reason: t(`reasons.${notice.reason}`),
      })
    case 'on_behalf':
      return t('notice.onBehalf', {
        standIn: notice.standIn.name,
        visitor: notice.visitor.name || notice.visitor.phone,
      })
    case 'needs_reassign': {
      const visitor = visitorSummary(notice.visitor, t)
      return notice.reason
        ? t('notice.needsReassign', { name: notice.consultant.name, reason: notice.reason, visitor })
        : t('notice.needsReassignNoReason', { name: notice.consultant.name, visitor })
    }
    case 'appeal_answered': {
      const answered = t(notice.accepted ? 'notice.appealAccepted' : 'notice.appealRejected', {
        answer: notice.answer,
      })
      return notice.grantedTurn ? `${answered}${t('notice.appealGrantedTurn')}` : answered
    }
    case 'special_price_requested':
      return t('notice.specialRequested', {
        consultant: notice.consultant.name,
        unit: notice.unit,
        price: yuanText(notice.priceFen),
        quote: yuanText(notice.quoteFen),
      })
    case 'special_price_decided': {
      const price = yuanText(notice.priceFen)
      const text =
        notice.approved && notice.validUntil
          ? t('notice.specialApproved', { unit: notice.unit, price, until: time(notice.validUntil) })
          : t('notice.specialRejected', { unit: notice.unit, price })
      return withNote(text, notice.note, t)
    }
    case 'deal_change_requested':
      return t('notice.changeRequested', {
        name: notice.by.name,
        kind: t(`changeKind.${notice.kind}`),
        unit: notice.unit,
      })
    case 'payment_reminder':
      return withNote(
        t('notice.paymentReminder', {
          name: notice.by.name,
          unit: notice.unit,
          customer: notice.customerName || t('customers.nameless'),
          arrears: yuanText(notice.arrearsFen),
        }),
        notice.note,
        t,
      )
    case 'deal_change_decided':
      return withNote(
        t(notice.approved ? 'notice.changeApproved' : 'notice.changeRejected', {
          kind: t(`changeKind.${notice.kind}`),
          unit: notice.unit,
        }),
        notice.note,
        t,
      )
  }
}

export type NoticeTarget =
  | { name: 'floor' | 'approvals' | 'units' }
  | { name: 'deal'; params: { dealId: string } }

/** Where a notice's button leads: the page where the person acts on it, or nowhere. */
export function noticeTarget(notice: RotationNotice): { to: NoticeTarget; label: string } | null {
  switch (notice.type) {
    case 'needs_reassign':
      return { to: { name: 'floor' }, label: 'notice.goFloor' }
    case 'special_price_requested':
    case 'deal_change_requested':
      return { to: { name: 'approvals' }, label: 'notice.goApprovals' }
    case 'special_price_decided':
      return notice.approved ? { to: { name: 'units' }, label: 'notice.goGrid' } : null
    case 'deal_change_decided':
    case 'payment_reminder':
      return { to: { name: 'deal', params: { dealId: notice.dealId } }, label: 'notice.goDeal' }
    default:
      return null
  }
}

/** The notification's heading for every notice that is not an assignment (those get the full-screen alert). */
export function noticeTitle(notice: RotationNotice, t: Translate): string {
  switch (notice.type) {
    case 'on_behalf':
      return t('notice.titleOnBehalf')
    case 'needs_reassign':
      return t('notice.titleNeedsReassign')
    case 'special_price_requested':
      return t('notice.titleSpecialRequested')
    case 'special_price_decided':
      return t('notice.titleSpecialDecided')
    case 'deal_change_requested':
      return t('notice.titleChangeRequested')
    case 'deal_change_decided':
      return t('notice.titleChangeDecided')
    case 'payment_reminder':
      return t('notice.titlePaymentReminder')
    default:
      return t('notice.titleAppeal')
  }
}

/** A refusal or a warning for the person: shown as a warning rather than news. */
export function noticeIsWarning(notice: RotationNotice): boolean {
  switch (notice.type) {
    case 'needs_reassign':
      return true
    case 'appeal_answered':
      return !notice.accepted
    case 'special_price_decided':
    case 'deal_change_decided':
      return !notice.approved
    default:
      return false
  }
}
