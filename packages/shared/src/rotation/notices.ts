import type { DealChangeKind } from '../schemas/deals'
import type { AssignmentReason, ReceptionKind } from './types'

/** The visitor as an alert names them: never the full number. */
export interface NoticeVisitor {
  name: string
  phone: string
  partySize: number
  channel: string | null
  kind: ReceptionKind
}

/**
 * What a person is told in the app, live (`rotation.onNotice`) and in their list of notices: a
 * visitor assigned to them, a customer of theirs received on their behalf, an appeal answered, and
 * for managers a visitor left without a consultant.
 */
export type NoticePayload =
  | {
      type: 'assigned'
      projectId: string
      receptionId: string
      reason: AssignmentReason
      visitor: NoticeVisitor
      at: string
    }
  | {
      type: 'on_behalf'
      projectId: string
      receptionId: string
      reason: AssignmentReason
      visitor: NoticeVisitor
      at: string
      standIn: { id: string; name: string }
    }
  | {
      /** To managers and directors: a consultant was signed out mid-reception; the visitor needs someone. */
      type: 'needs_reassign'
      projectId: string
      receptionId: string
      consultant: { id: string; name: string }
      reason: string | null
      visitor: NoticeVisitor
      at: string
    }
  | {
      type: 'appeal_answered'
      projectId: string
      appealId: string
      accepted: boolean
      answer: string
      grantedTurn: boolean
      at: string
    }
  | {
      /** To the project's directors: a consultant asks for a price below the policy. */
      type: 'special_price_requested'
      projectId: string
      requestId: string
      unit: string
      priceFen: number
      quoteFen: number
      consultant: { id: string; name: string }
      at: string
    }
  | {
      /** To the consultant who asked: the director's decision on a special price. */
      type: 'special_price_decided'
      projectId: string
      requestId: string
      unit: string
      priceFen: number
      approved: boolean
      note: string | null
      validUntil: string | null
      at: string
    }
  | {
      /** To the project's directors: a change of a deal (退房, 换房, …) waits for a decision. */
      type: 'deal_change_requested'
      projectId: string
      changeId: string
      dealId: string
      kind: DealChangeKind
      unit: string
      by: { id: string; name: string }
      at: string
    }
  | {
      /** To the deal's consultant: money fell due and is unpaid; call the customer (催款). */
      type: 'payment_reminder'
      projectId: string
      dealId: string
      unit: string
      customerName: string
      arrearsFen: number
      note: string | null
      by: { id: string; name: string }
      at: string
    }
  | {
      /** To the deal's consultant and whoever asked: the director's decision on a change. */
      type: 'deal_change_decided'
      projectId: string
      changeId: string
      dealId: string
      kind: DealChangeKind
      unit: string
      approved: boolean
      note: string | null
      at: string
    }

export type NoticeType = NoticePayload['type']
