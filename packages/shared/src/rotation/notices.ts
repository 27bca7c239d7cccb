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

export type NoticeType = NoticePayload['type']
