import { z } from 'zod'
import { ASSIGNMENT_REASONS } from '@anchang/shared'

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

/** The alert's one line, e.g. `新接待：王先生（2人，网络）— 轮序`. */
export function noticeText(notice: RotationNotice, t: Translate): string {
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
  }
}
