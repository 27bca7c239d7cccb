import type { RouterOutputs } from '@anchang/api'

/** What `rotation.board` and every `rotation.onChange` event carry: the whole board. */
export type BoardPayload = RouterOutputs['rotation']['board']
type QueueEntry = BoardPayload['queue'][number]
type Reception = BoardPayload['receiving'][number]

/** The line read from across the room has this many places; with more parties, the last says "+N". */
export const WAITING_SHOWN = 10
/** The server pings every 5 s: three missed pings and what the board shows can no longer be trusted. */
export const STALE_AFTER_MS = 15_000

export interface QueueRow {
  consultantId: string
  name: string
  position: number
  status: QueueEntry['status']
  breakReason: QueueEntry['breakReason']
  /** Whole minutes in the current status; for someone receiving, since the reception began. */
  minutes: number
  /** The consultant the next new visitor goes to: the first available one in queue order. */
  isNext: boolean
  reception: Pick<Reception, 'reason' | 'kind'> | null
}

export interface WaitingRow {
  waitingId: string
  place: number
  partySize: number
  minutes: number
  kind: BoardPayload['waiting'][number]['kind']
}

export interface WaitingSummary {
  count: number
  /** People in all the waiting parties together. */
  people: number
  /** How long the first in line has waited, or null with nobody waiting. */
  longestMinutes: number | null
  shown: WaitingRow[]
  /** Parties waiting beyond those listed. */
  more: number
}

export interface TallyRow {
  consultantId: string
  /** Null for a consultant who signed out before this board ever saw their name. */
  name: string
  onDuty: boolean
  received: number
  valid: number
  invalid: number
  missed: number
}

/** Whole minutes from `since` to `now`; a device clock a little behind the server's never shows "-1". */
export function elapsedMinutes(since: string, now: number): number {
  const ms = now - Date.parse(since)
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 60_000)) : 0
}

export function queueRows(board: BoardPayload, now: number): QueueRow[] {
  const receptions = new Map(board.receiving.map((r) => [r.consultantId, r]))
  const ordered = [...board.queue].sort((a, b) => a.position - b.position)
  const nextId = ordered.find((entry) => entry.status === 'available')?.consultantId
  return ordered.map((entry) => {
    const reception = entry.status === 'receiving' ? receptions.get(entry.consultantId) : undefined
    return {
      consultantId: entry.consultantId,
      name: entry.name,
      position: entry.position,
      status: entry.status,
      breakReason: entry.breakReason,
      minutes: elapsedMinutes(reception?.since ?? entry.since, now),
      isNext: entry.consultantId === nextId,
      reception: reception ? { reason: reception.reason, kind: reception.kind } : null,
    }
  })
}

export function waitingSummary(board: BoardPayload, now: number, shown = WAITING_SHOWN): WaitingSummary {
  // The contract sends the line oldest first; sorting again costs nothing and guards the order.
  const line = [...board.waiting].sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
  const first = line[0]
  // A longer line gives its last place to "+N", so the panel never grows a row for it.
  const listed = line.length > shown ? shown - 1 : shown
  return {
    count: line.length,
    people: line.reduce((sum, entry) => sum + entry.partySize, 0),
    longestMinutes: first ? elapsedMinutes(first.since, now) : null,
    shown: line.slice(0, listed).map((entry, index) => ({
      waitingId: entry.waitingId,
      place: index + 1,
      partySize: entry.partySize,
      minutes: elapsedMinutes(entry.since, now),
      kind: entry.kind,
    })),
    more: Math.max(0, line.length - listed),
  }
}

/**
 * Today's receptions per consultant: everyone on duty in queue order (with zeros before their first
 * reception), then those who received today and have signed out, busiest first.
 */
export function tallyRows(board: BoardPayload): TallyRow[] {
  const tally = new Map(board.tally.map((entry) => [entry.consultantId, entry]))
  const zero = { received: 0, valid: 0, invalid: 0, missed: 0 }
  const onDuty = [...board.queue]
    .sort((a, b) => a.position - b.position)
    .map((entry) => ({
      ...zero,
      ...tally.get(entry.consultantId),
      consultantId: entry.consultantId,
      name: entry.name,
      onDuty: true,
    }))
  const dutyIds = new Set(onDuty.map((row) => row.consultantId))
  const gone = board.tally
    .filter((entry) => !dutyIds.has(entry.consultantId))
    .map((entry) => ({ ...entry, onDuty: false }))
    .sort((a, b) => b.received - a.received)
  return [...onDuty, ...gone]
}

export type StreamState = 'connecting' | 'open' | 'reconnecting'

export interface StreamHealth {
  state: StreamState
  /** When the stream last delivered anything, a ping included (ms since the epoch). */
  lastHeardAt: number | null
  /** When this board began listening. */
  startedAt: number | null
}

/**
 * Whether the board may be showing an old picture: the link says it is reconnecting, or nothing
 * (not even a ping) has arrived for longer than STALE_AFTER_MS.
 */
export function isStale(health: StreamHealth, now: number): boolean {
  if (health.state === 'reconnecting') return true
  const reference = health.lastHeardAt ?? health.startedAt
  return reference !== null && now - reference > STALE_AFTER_MS
}

/** The project's calendar date, `YYYY-MM-DD`, as the server dates the board. */
export function projectDate(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
