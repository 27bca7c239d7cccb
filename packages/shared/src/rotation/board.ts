import type { AssignmentReason, ConsultantStatus, DayTally, RotationState } from './types'

export interface BoardView {
  queue: {
    consultantId: string
    name: string
    status: ConsultantStatus
    position: number
    breakReason: string | null
    since: string
  }[]
  /** Present only when calls have their own queue. */
  callQueue?: { consultantId: string; position: number }[]
  waiting: { waitingId: string; since: string; partySize: number; kind: 'visit' | 'call' }[]
  receiving: {
    receptionId: string
    consultantId: string
    since: string
    reason: AssignmentReason
    kind: 'visit' | 'call'
  }[]
  tally: ({ consultantId: string } & DayTally)[]
}

/** The board as CONTRACT.md `rotation.board` fixes it, plus what the wall display shows besides. */
export function boardView(state: RotationState): BoardView {
  const queue = state.order.map((id, i) => {
    const c = state.consultants.get(id)!
    return {
      consultantId: id,
      name: c.name,
      status: c.status,
      position: i + 1,
      breakReason: c.breakReason,
      since: c.since,
    }
  })
  const waiting = [...state.waiting.values()].map((w) => ({
    waitingId: w.id,
    since: w.since,
    partySize: w.partySize,
    kind: w.kind,
  }))
  const receiving = [...state.receptions.values()].map((r) => ({
    receptionId: r.id,
    consultantId: r.consultantId,
    since: r.since,
    reason: r.reason,
    kind: r.kind,
  }))
  const tally = [...state.tally].map(([consultantId, t]) => ({ consultantId, ...t }))
  return {
    queue,
    ...(state.settings.separateCallQueue
      ? { callQueue: state.callOrder.map((id, i) => ({ consultantId: id, position: i + 1 })) }
      : {}),
    waiting,
    receiving,
    tally,
  }
}

/**
 * Minutes a newcomer at `waitPosition` may wait: each consultant on duty and not on break frees up
 * about once per average reception. Rounded up, never below one minute.
 */
export function estimateWaitMinutes(
  waitPosition: number,
  consultantsOnDuty: number,
  averageReceptionMinutes: number,
): number {
  const rounds = Math.ceil(waitPosition / Math.max(1, consultantsOnDuty))
  return Math.max(1, Math.ceil(rounds * averageReceptionMinutes))
}

/** The queue position a consultant holds (1-based), or null when not signed in. */
export function positionOf(state: RotationState, consultantId: string): number | null {
  const index = state.order.indexOf(consultantId)
  return index < 0 ? null : index + 1
}
