import { DomainError } from '../errors'
import type { RotationSettings } from '../settings'
import type {
  AssignmentReason,
  ConsultantOnDuty,
  DayTally,
  Decision,
  OpenReception,
  ReceptionKind,
  RotationEvent,
  RotationState,
  WaitingEntry,
} from './types'

/**
 * The rotation (DOMAIN.md, "The rotation") as a fold: `applyEvent(state, event)` answers the state
 * after the event and the decisions it caused, each with its reason. Time comes only from the
 * events; nothing here reads a clock or does I/O, so replaying a day's log rebuilds the same state.
 */

export function initialRotationState(settings: RotationSettings): RotationState {
  return {
    order: [],
    callOrder: [],
    consultants: new Map(),
    receptions: new Map(),
    waiting: new Map(),
    byPhone: new Map(),
    tally: new Map(),
    settings,
  }
}

export function cloneRotationState(state: RotationState): RotationState {
  return {
    order: [...state.order],
    callOrder: [...state.callOrder],
    consultants: new Map([...state.consultants].map(([k, v]) => [k, { ...v }])),
    receptions: new Map(
      [...state.receptions].map(([k, v]) => [
        k,
        {
          ...v,
          queueBefore: [...v.queueBefore],
          restore: { ...v.restore, positions: { ...v.restore.positions } },
        },
      ]),
    ),
    waiting: new Map([...state.waiting].map(([k, v]) => [k, { ...v }])),
    byPhone: new Map(state.byPhone),
    tally: new Map([...state.tally].map(([k, v]) => [k, { ...v }])),
    settings: state.settings,
  }
}

/** Folds a day's log from the empty state. */
export function replayRotation(events: readonly RotationEvent[], settings: RotationSettings): RotationState {
  const state = initialRotationState(settings)
  for (const event of events) applyEvent(state, event)
  return state
}

const refuse = (
  key: ConstructorParameters<typeof DomainError>[1],
  params?: Record<string, string | number>,
  code: DomainError['code'] = 'CONFLICT',
): never => {
  throw new DomainError(code, key, params)
}

/** The queues a reception of this kind draws from. */
function queueOf(state: RotationState, kind: ReceptionKind): string[] {
  return kind === 'call' && state.settings.separateCallQueue ? state.callOrder : state.order
}

function queues(state: RotationState): { kind: ReceptionKind; order: string[] }[] {
  return state.settings.separateCallQueue
    ? [
        { kind: 'visit', order: state.order },
        { kind: 'call', order: state.callOrder },
      ]
    : [{ kind: 'visit', order: state.order }]
}

function moveTo(order: string[], id: string, index: number): void {
  const from = order.indexOf(id)
  if (from >= 0) order.splice(from, 1)
  order.splice(Math.max(0, Math.min(index, order.length)), 0, id)
}

const toTail = (order: string[], id: string) => moveTo(order, id, order.length)
const toHead = (order: string[], id: string) => moveTo(order, id, 0)

function tallyOf(state: RotationState, id: string): DayTally {
  let tally = state.tally.get(id)
  if (!tally) {
    tally = {
      name: state.consultants.get(id)?.name ?? '',
      received: 0,
      valid: 0,
      invalid: 0,
      missed: 0,
      reassigned: 0,
    }
    state.tally.set(id, tally)
  }
  return tally
}

function onDuty(state: RotationState, id: string): ConsultantOnDuty {
  const consultant = state.consultants.get(id)
  if (!consultant) return refuse('rotation.notSignedIn', {}, 'BAD_REQUEST')
  return consultant
}

function openReception(state: RotationState, id: string): OpenReception {
  return state.receptions.get(id) ?? refuse('rotation.receptionNotOpen', {}, 'NOT_FOUND')
}

/** The first consultant in queue order who is free and not kept out; null when nobody is. */
function nextAvailable(
  state: RotationState,
  kind: ReceptionKind,
  exclude: ReadonlySet<string> = new Set(),
): ConsultantOnDuty | null {
  for (const id of queueOf(state, kind)) {
    const consultant = state.consultants.get(id)
    if (consultant?.status === 'available' && !exclude.has(id)) return consultant
  }
  return null
}

/** A returning customer's reception uses a turn only where the settings say so; a new visitor's always does. */
function usesTurn(settings: RotationSettings, consultantId: string, ownerId: string | null): boolean {
  if (!ownerId) return true
  return ownerId === consultantId ? settings.returningUsesTurn : settings.onBehalfUsesTurn
}

interface Visitor {
  checkInId: string
  receptionId: string
  kind: ReceptionKind
  phone: string
  customerId: string | null
  ownerId: string | null
}

function assign(
  state: RotationState,
  consultant: ConsultantOnDuty,
  visitor: Visitor,
  reason: AssignmentReason,
  at: string,
  waitingId: string | null,
): Decision {
  const order = queueOf(state, visitor.kind)
  const turn = usesTurn(state.settings, consultant.id, visitor.ownerId)
  const positions: Partial<Record<ReceptionKind, number>> = {}
  for (const q of queues(state)) positions[q.kind] = q.order.indexOf(consultant.id)
  const reception: OpenReception = {
    id: visitor.receptionId,
    checkInId: visitor.checkInId,
    kind: visitor.kind,
    phone: visitor.phone,
    customerId: visitor.customerId,
    consultantId: consultant.id,
    reason,
    onBehalfOf: visitor.ownerId && visitor.ownerId !== consultant.id ? visitor.ownerId : null,
    usesTurn: turn,
    since: at,
    queueBefore: [...order],
    restore: { positions, pendingTurn: consultant.pendingTurn },
  }
  state.receptions.set(reception.id, reception)
  state.byPhone.set(visitor.phone, { receptionId: reception.id })
  consultant.status = 'receiving'
  consultant.since = at
  consultant.receptionId = reception.id
  if (turn) {
    toTail(order, consultant.id)
    consultant.pendingTurn = null
  }
  tallyOf(state, consultant.id).received += 1
  return {
    type: 'assigned',
    receptionId: reception.id,
    checkInId: reception.checkInId,
    consultantId: consultant.id,
    reason,
    onBehalfOf: reception.onBehalfOf,
    usesTurn: turn,
    queueBefore: reception.queueBefore,
    waitingId,
  }
}

/** A consultant who has just become free takes the longest-waiting visitor, in the same event. */
function serveWaiting(
  state: RotationState,
  consultant: ConsultantOnDuty,
  at: string,
  decisions: Decision[],
  blocked: ReadonlySet<string>,
): void {
  if (consultant.status !== 'available' || blocked.has(consultant.id)) return
  const first = state.waiting.values().next()
  if (first.done) return
  const entry: WaitingEntry = first.value
  state.waiting.delete(entry.id)
  state.byPhone.delete(entry.phone)
  decisions.push(assign(state, consultant, entry, 'waiting', at, entry.id))
}

function checkIn(
  state: RotationState,
  event: Extract<RotationEvent, { type: 'checkIn' }>,
  decisions: Decision[],
): void {
  const existing = state.byPhone.get(event.phone)
  if (existing) {
    if ('receptionId' in existing) {
      const r = state.receptions.get(existing.receptionId)!
      decisions.push({
        type: 'existing',
        checkInId: r.checkInId,
        receptionId: r.id,
        waitingId: null,
        consultantId: r.consultantId,
        reason: r.reason,
        waitPosition: null,
      })
    } else {
      const w = state.waiting.get(existing.waitingId)!
      decisions.push({
        type: 'existing',
        checkInId: w.checkInId,
        receptionId: null,
        waitingId: w.id,
        consultantId: null,
        reason: 'waiting',
        waitPosition: waitPositionOf(state, w.id),
      })
    }
    return
  }
  const blocked = new Set(event.blockedIds)
  const owner = event.ownerId ? state.consultants.get(event.ownerId) : undefined
  if (owner?.status === 'available') {
    decisions.push(assign(state, owner, event, 'owner', event.at, null))
    return
  }
  if (event.ownerId) blocked.add(event.ownerId)
  const next = nextAvailable(state, event.kind, blocked)
  if (next) {
    const reason: AssignmentReason = event.ownerId ? 'on_behalf' : (next.pendingTurn ?? 'rotation')
    decisions.push(assign(state, next, event, reason, event.at, null))
    return
  }
  const entry: WaitingEntry = {
    id: event.waitingId,
    checkInId: event.checkInId,
    receptionId: event.receptionId,
    kind: event.kind,
    phone: event.phone,
    customerId: event.customerId,
    ownerId: event.ownerId,
    partySize: event.partySize,
    since: event.at,
  }
  state.waiting.set(entry.id, entry)
  state.byPhone.set(entry.phone, { waitingId: entry.id })
  decisions.push({
    type: 'waiting',
    waitingId: entry.id,
    checkInId: entry.checkInId,
    receptionId: entry.receptionId,
    waitPosition: state.waiting.size,
  })
}

/** 1-based place in the waiting line. Walks the line, so it is for single lookups, never per check-in. */
export function waitPositionOf(state: RotationState, waitingId: string): number | null {
  let position = 0
  for (const id of state.waiting.keys()) {
    position += 1
    if (id === waitingId) return position
  }
  return null
}

function release(state: RotationState, reception: OpenReception): ConsultantOnDuty | undefined {
  state.receptions.delete(reception.id)
  if (state.byPhone.get(reception.phone)) state.byPhone.delete(reception.phone)
  const consultant = state.consultants.get(reception.consultantId)
  if (consultant) {
    consultant.status = 'available'
    consultant.receptionId = null
  }
  return consultant
}

/**
 * Applies one event. Throws a DomainError, and leaves the state as it was, when the event is not
 * possible now (e.g. finishing a reception that is not open).
 */
export function applyEvent(state: RotationState, event: RotationEvent): Decision[] {
  const decisions: Decision[] = []
  const { at } = event
  const blocked: ReadonlySet<string> = new Set(event.blockedIds)
  switch (event.type) {
    case 'settings': {
      const wasSeparate = state.settings.separateCallQueue
      state.settings = event.settings
      // A call queue switched on starts as a copy of the walk-in queue.
      if (!wasSeparate && event.settings.separateCallQueue) state.callOrder = [...state.order]
      break
    }
    case 'signIn': {
      if (state.consultants.has(event.consultantId)) break
      const consultant: ConsultantOnDuty = {
        id: event.consultantId,
        name: event.name,
        status: 'available',
        breakReason: null,
        since: at,
        receptionId: null,
        pendingTurn: null,
      }
      // Back after a manager's sign-out took them away mid-reception: that visitor is theirs again.
      const left = [...state.receptions.values()].find((r) => r.consultantId === consultant.id)
      if (left) {
        consultant.status = 'receiving'
        consultant.receptionId = left.id
      }
      state.consultants.set(consultant.id, consultant)
      tallyOf(state, consultant.id)
      state.order.push(consultant.id)
      state.callOrder.push(consultant.id)
      serveWaiting(state, consultant, at, decisions, blocked)
      break
    }
    case 'signOut': {
      const consultant = onDuty(state, event.consultantId)
      if (consultant.status === 'receiving' && !event.reason)
        refuse('rotation.busyReceiving', { name: consultant.name })
      state.consultants.delete(consultant.id)
      state.order.splice(state.order.indexOf(consultant.id), 1)
      state.callOrder.splice(state.callOrder.indexOf(consultant.id), 1)
      decisions.push({
        type: 'signedOut',
        consultantId: consultant.id,
        reason: event.reason ?? null,
        openReceptionId: consultant.receptionId,
      })
      break
    }
    case 'break': {
      const consultant = onDuty(state, event.consultantId)
      if (consultant.status === 'receiving') refuse('rotation.busyReceiving', { name: consultant.name })
      consultant.status = 'break'
      consultant.breakReason = event.reason
      consultant.since = at
      if (event.reason && !state.settings.breakKeepsPlace[event.reason]) {
        for (const q of queues(state)) toTail(q.order, consultant.id)
      }
      break
    }
    case 'back': {
      const consultant = onDuty(state, event.consultantId)
      if (consultant.status !== 'break')
        refuse('rotation.notOnBreak', { name: consultant.name }, 'BAD_REQUEST')
      // A break that loses the place rejoins behind whoever signed in meanwhile.
      if (consultant.breakReason && !state.settings.breakKeepsPlace[consultant.breakReason]) {
        for (const q of queues(state)) toTail(q.order, consultant.id)
      }
      consultant.status = 'available'
      consultant.breakReason = null
      consultant.since = at
      serveWaiting(state, consultant, at, decisions, blocked)
      break
    }
    case 'checkIn':
      checkIn(state, event, decisions)
      break
    case 'finish': {
      const reception = openReception(state, event.receptionId)
      const consultant = release(state, reception)
      const tally = tallyOf(state, reception.consultantId)
      const makeUpTurn = event.result === 'invalid' && reception.usesTurn && !!consultant
      if (event.result === 'valid') tally.valid += 1
      else tally.invalid += 1
      if (consultant) {
        consultant.since = at
        // 补位: an invalid reception that used a turn gives it back at the head.
        if (makeUpTurn) {
          toHead(queueOf(state, reception.kind), consultant.id)
          consultant.pendingTurn = 'make_up'
        }
      }
      decisions.push({
        type: 'finished',
        receptionId: reception.id,
        consultantId: reception.consultantId,
        result: event.result,
        makeUpTurn,
      })
      if (consultant) serveWaiting(state, consultant, at, decisions, blocked)
      break
    }
    case 'move': {
      onDuty(state, event.consultantId)
      const kind = event.queue ?? 'visit'
      moveTo(queueOf(state, kind), event.consultantId, event.toPosition - 1)
      break
    }
    case 'grantTurn': {
      const consultant = onDuty(state, event.consultantId)
      for (const q of queues(state)) toHead(q.order, consultant.id)
      consultant.pendingTurn = 'override'
      break
    }
    case 'reassign': {
      // The first consultant's reception stays on record (their turn was used, the tally says so);
      // the visitor continues as a new reception of the one the manager chose.
      const reception = openReception(state, event.receptionId)
      const to = onDuty(state, event.consultantId)
      if (to.id === reception.consultantId) break
      if (to.status !== 'available') refuse('rotation.notAvailable', { name: to.name })
      const queueBefore = [...queueOf(state, reception.kind)]
      const from = release(state, reception)
      const id = event.newReceptionId ?? reception.id
      // A reassignment does not move the new consultant in the queue, so it uses no turn of theirs.
      const usesTurn = event.newReceptionId ? false : reception.usesTurn
      state.receptions.set(id, {
        ...reception,
        id,
        consultantId: to.id,
        reason: 'override',
        usesTurn,
        since: at,
        queueBefore,
      })
      state.byPhone.set(reception.phone, { receptionId: id })
      to.status = 'receiving'
      to.since = at
      to.receptionId = id
      tallyOf(state, to.id).received += 1
      if (event.newReceptionId) tallyOf(state, reception.consultantId).reassigned += 1
      else tallyOf(state, reception.consultantId).received -= 1
      decisions.push({
        type: 'reassigned',
        receptionId: reception.id,
        newReceptionId: id,
        from: reception.consultantId,
        to: to.id,
        reason: 'override',
        queueBefore,
      })
      if (from) serveWaiting(state, from, at, decisions, blocked)
      break
    }
    case 'missedTurn': {
      // 漏接: the consultant did not step up. The visitor goes to the next free consultant, the
      // one who missed goes to the tail, and the miss is counted.
      const reception = openReception(state, event.receptionId)
      const missedBy = onDuty(state, reception.consultantId)
      const next =
        nextAvailable(state, reception.kind, new Set([...blocked, missedBy.id])) ??
        refuse('rotation.noOneToPassTo')
      release(state, reception)
      tallyOf(state, missedBy.id).received -= 1
      tallyOf(state, missedBy.id).missed += 1
      for (const q of queues(state)) toTail(q.order, missedBy.id)
      missedBy.since = at
      decisions.push({ type: 'missed', receptionId: reception.id, consultantId: missedBy.id })
      const ownerId = reception.onBehalfOf ?? (reception.reason === 'owner' ? reception.consultantId : null)
      const reason: AssignmentReason = ownerId ? 'on_behalf' : (next.pendingTurn ?? 'rotation')
      decisions.push(
        assign(state, next, { ...reception, receptionId: reception.id, ownerId }, reason, at, null),
      )
      // The one who missed is free again, so a waiting visitor is theirs now.
      serveWaiting(state, missedBy, at, decisions, blocked)
      break
    }
    case 'undo': {
      const reception = openReception(state, event.receptionId)
      const windowMs = state.settings.undoWindowMinutes * 60_000
      if (Date.parse(at) - Date.parse(reception.since) > windowMs) {
        refuse('rotation.undoExpired', { minutes: state.settings.undoWindowMinutes })
      }
      const consultant = release(state, reception)
      tallyOf(state, reception.consultantId).received -= 1
      if (consultant) {
        for (const q of queues(state)) {
          const position = reception.restore.positions[q.kind]
          if (position !== undefined && position >= 0) moveTo(q.order, consultant.id, position)
        }
        consultant.pendingTurn = reception.restore.pendingTurn
        consultant.since = at
      }
      decisions.push({
        type: 'voided',
        receptionId: reception.id,
        checkInId: reception.checkInId,
        consultantId: reception.consultantId,
      })
      if (consultant) serveWaiting(state, consultant, at, decisions, blocked)
      break
    }
    case 'cleared': {
      // In queue order, as check-in would have picked them had they not been kept out.
      for (const id of [...state.order]) {
        const consultant = state.consultants.get(id)
        if (consultant) serveWaiting(state, consultant, at, decisions, blocked)
      }
      break
    }
    case 'leaveLine': {
      const entry = state.waiting.get(event.waitingId) ?? refuse('rotation.waitingNotFound', {}, 'NOT_FOUND')
      state.waiting.delete(entry.id)
      state.byPhone.delete(entry.phone)
      decisions.push({ type: 'leftLine', waitingId: entry.id, checkInId: entry.checkInId })
      break
    }
  }
  return decisions
}
