import type { BreakReason, RotationSettings } from '../settings'

export type ReceptionKind = 'visit' | 'call'
export type ConsultantStatus = 'available' | 'receiving' | 'break'
/** Why a consultant received a visitor (CONTRACT.md `reception.log`). */
export const ASSIGNMENT_REASONS = [
  'rotation',
  'owner',
  'on_behalf',
  'waiting',
  'override',
  'make_up',
] as const
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number]
export const GRADES = ['A', 'B', 'C', 'D'] as const
export type Grade = (typeof GRADES)[number]
export type ReceptionResult = 'valid' | 'invalid'

export interface ConsultantOnDuty {
  id: string
  name: string
  status: ConsultantStatus
  breakReason: BreakReason | null
  /** When the current status began. */
  since: string
  receptionId: string | null
  /** The next rotation turn is a make-up turn or one a manager granted: it names the reception's reason. */
  pendingTurn: 'make_up' | 'override' | null
}

export interface OpenReception {
  id: string
  checkInId: string
  kind: ReceptionKind
  phone: string
  customerId: string | null
  consultantId: string
  reason: AssignmentReason
  /** The owner this is received for (代接), if any. */
  onBehalfOf: string | null
  usesTurn: boolean
  since: string
  /** The queue as it was when the assignment was made, consultant ids in order. */
  queueBefore: string[]
  /** What undo restores: the assignee's place and state before the assignment. */
  restore: { positions: Partial<Record<ReceptionKind, number>>; pendingTurn: ConsultantOnDuty['pendingTurn'] }
}

export interface WaitingEntry {
  id: string
  checkInId: string
  /** Reserved at check-in, so the reception that eventually serves this visitor has a known id on replay. */
  receptionId: string
  kind: ReceptionKind
  phone: string
  customerId: string | null
  /** The customer's protected owner at check-in, if any. */
  ownerId: string | null
  partySize: number
  since: string
}

export interface DayTally {
  /** The name at sign-in, so the board can name someone who has signed out since. */
  name: string
  received: number
  valid: number
  invalid: number
  missed: number
  /** Receptions a manager moved from them to someone else: received, but finished by another. */
  reassigned: number
}

/**
 * One project's rotation for one day. It is owned by whoever folds events into it: `applyEvent`
 * updates it in place (the waiting line may hold tens of thousands of visitors, and copying it per
 * check-in would make each check-in slower than the last). `cloneRotationState` gives a copy.
 */
export interface RotationState {
  /** Consultant ids in queue order: walk-ins, and calls too unless calls have their own queue. */
  order: string[]
  /** The call queue, used only when `separateCallQueue` is on. */
  callOrder: string[]
  consultants: Map<string, ConsultantOnDuty>
  receptions: Map<string, OpenReception>
  /** Oldest first; Map keeps insertion order, deletes in O(1), and knows its size. */
  waiting: Map<string, WaitingEntry>
  /** Open receptions and waiting entries by phone: a number already inside gets its existing outcome. */
  byPhone: Map<string, { receptionId: string } | { waitingId: string }>
  tally: Map<string, DayTally>
  settings: RotationSettings
}

export type RotationEvent = {
  at: string
  /**
   * Consultants kept out of the rotation when the event happened (overdue follow-ups, when the
   * project says so): nobody picks them, and a free one does not take the waiting line. Stored with
   * the event, so a replay decides as the moment did.
   */
  blockedIds?: string[]
} & (
  | { type: 'settings'; settings: RotationSettings }
  | { type: 'signIn'; consultantId: string; name: string }
  | {
      type: 'signOut'
      consultantId: string
      /**
       * A manager's (or a deactivation's) sign-out says why; it may take someone out mid-reception,
       * leaving that reception open for a manager to reassign. A consultant's own sign-out has none.
       */
      reason?: string
    }
  | { type: 'break'; consultantId: string; reason: BreakReason | null }
  | { type: 'back'; consultantId: string }
  | {
      type: 'checkIn'
      kind: ReceptionKind
      checkInId: string
      receptionId: string
      waitingId: string
      phone: string
      customerId: string | null
      /** The customer's protected owner now, if any (decided by the ownership rules). */
      ownerId: string | null
      partySize: number
    }
  | { type: 'finish'; receptionId: string; result: ReceptionResult; grade?: Grade | null }
  | { type: 'move'; consultantId: string; toPosition: number; queue?: ReceptionKind; reason: string }
  | {
      type: 'reassign'
      receptionId: string
      consultantId: string
      reason: string
      /** The new consultant's reception; the first one stays on record as reassigned (older logs have none). */
      newReceptionId?: string
    }
  | { type: 'grantTurn'; consultantId: string; reason: string }
  | { type: 'missedTurn'; receptionId: string; reason: string }
  | { type: 'undo'; receptionId: string; reason: string }
  | { type: 'leaveLine'; waitingId: string; reason: string }
  /** Someone may no longer be kept out (follow-ups logged, the setting off): free consultants take the waiting line. */
  | { type: 'cleared'; consultantId: string | null }
)

export type RotationEventType = RotationEvent['type']

export type Decision =
  | {
      type: 'assigned'
      receptionId: string
      checkInId: string
      consultantId: string
      reason: AssignmentReason
      onBehalfOf: string | null
      usesTurn: boolean
      queueBefore: string[]
      /** Set when the visitor came from the waiting line. */
      waitingId: string | null
    }
  | { type: 'waiting'; waitingId: string; checkInId: string; receptionId: string; waitPosition: number }
  | {
      type: 'existing'
      checkInId: string
      receptionId: string | null
      waitingId: string | null
      consultantId: string | null
      reason: AssignmentReason | 'waiting'
      waitPosition: number | null
    }
  | {
      type: 'finished'
      receptionId: string
      consultantId: string
      result: ReceptionResult
      makeUpTurn: boolean
    }
  | {
      type: 'reassigned'
      receptionId: string
      /** Equal to `receptionId` for logs from before a reassignment kept the first reception. */
      newReceptionId: string
      from: string
      to: string
      reason: AssignmentReason
      queueBefore: string[]
    }
  | { type: 'signedOut'; consultantId: string; reason: string | null; openReceptionId: string | null }
  | { type: 'missed'; receptionId: string; consultantId: string }
  | { type: 'voided'; receptionId: string; checkInId: string; consultantId: string }
  | { type: 'leftLine'; waitingId: string; checkInId: string }

/** An event before it is stamped with its time. */
export type RotationEventInput = RotationEvent extends infer E
  ? E extends RotationEvent
    ? Omit<E, 'at'>
    : never
  : never
