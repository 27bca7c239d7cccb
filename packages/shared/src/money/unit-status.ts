/**
 * A unit's status (DOMAIN.md "From unit to money") and who may move it from what to what, as one
 * table: the grid, the deals and the approvals all ask here, so no screen or verb has its own idea.
 */
import type { Role } from '../enums'

export const UNIT_STATUSES = ['available', 'held', 'subscribed', 'signed', 'withheld'] as const
export type UnitStatus = (typeof UNIT_STATUSES)[number]

export const UNIT_ACTIONS = [
  'hold',
  'release',
  'subscribe',
  'sign',
  'cancelSubscription',
  'cancelSigning',
  'withhold',
  'unwithhold',
] as const
export type UnitAction = (typeof UNIT_ACTIONS)[number]

const MANAGING: readonly Role[] = ['director', 'manager']

/** Each action: the statuses it starts from, where it ends, and who may take it. */
export const UNIT_MOVES: Record<
  UnitAction,
  { from: readonly UnitStatus[]; to: UnitStatus; by: readonly Role[] }
> = {
  // 保留: kept back for a customer while they decide; the floor's managers decide.
  hold: { from: ['available'], to: 'held', by: MANAGING },
  release: { from: ['held'], to: 'available', by: MANAGING },
  // 认购: the owner consultant, from a free unit only (CONTRACT.md: anything else is a CONFLICT); a
  // unit held back is released by a manager first.
  subscribe: { from: ['available'], to: 'subscribed', by: ['consultant', ...MANAGING] },
  // 签约: the consultant or the assistant who enters the contract.
  sign: { from: ['subscribed'], to: 'signed', by: ['consultant', 'assistant', ...MANAGING] },
  // 退订 and 退房 need a manager's or director's approval, and the deal's history stays.
  cancelSubscription: { from: ['subscribed'], to: 'available', by: MANAGING },
  cancelSigning: { from: ['signed'], to: 'available', by: MANAGING },
  // 不可售 (销控): taken off sale by the developer's or the office's decision; never a unit sold.
  withhold: { from: ['available', 'held'], to: 'withheld', by: MANAGING },
  unwithhold: { from: ['withheld'], to: 'available', by: MANAGING },
}

export type UnitMove =
  | { ok: true; to: UnitStatus }
  | { ok: false; problem: 'notFromHere' | 'notYourRole'; allowedFrom: readonly UnitStatus[] }

/** Whether `role` may take `action` on a unit that is `from`, and where it then is. */
export function unitMove(from: UnitStatus, action: UnitAction, role: Role): UnitMove {
  const move = UNIT_MOVES[action]
  if (!move.from.includes(from)) return { ok: false, problem: 'notFromHere', allowedFrom: move.from }
  if (!move.by.includes(role)) return { ok: false, problem: 'notYourRole', allowedFrom: move.from }
  return { ok: true, to: move.to }
}

/** The actions open to `role` on a unit that is `status`: what a unit's panel offers. */
export function unitActionsFor(status: UnitStatus, role: Role): UnitAction[] {
  return UNIT_ACTIONS.filter((action) => unitMove(status, action, role).ok)
}
