import { and, eq, inArray, sql } from 'drizzle-orm'
import { unitEvents, units, type Tx } from '@anchang/db'
import {
  UNIT_ACTION_LABELS,
  UNIT_STATUS_LABELS,
  fail,
  unitMove,
  type Role,
  type UnitAction,
  type UnitSetStatusInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { ServiceContext, UserServiceContext } from '../context'
import type { GridUnit } from './feed'
import { gridUnitOf, loadUnit, unitLabel, type UnitRowDb } from './grid'

/**
 * Moves one unit by `action`, as the state machine in `money/unit-status.ts` allows `role`, inside
 * the caller's transaction; records who, why and for which deal. The update names the status it
 * starts from, so of two moves of one unit at the same instant only the first lands; the second is
 * refused with the status it found. Returns the unit as the grid now shows it.
 */
export function moveUnit(
  tx: Tx,
  ctx: ServiceContext,
  unit: UnitRowDb,
  action: UnitAction,
  by: { role: Role; userId: string | null; dealId?: string | null; reason?: string | null },
): GridUnit {
  const current = tx.select().from(units).where(eq(units.id, unit.id)).get() ?? unit
  const move = unitMove(current.status, action, by.role)
  if (!move.ok) {
    if (move.problem === 'notYourRole')
      fail('FORBIDDEN', 'unit.moveRole', { action: UNIT_ACTION_LABELS[action] })
    if (action === 'subscribe')
      fail('CONFLICT', 'unit.notAvailable', {
        unit: unitLabel(current),
        status: UNIT_STATUS_LABELS[current.status],
      })
    fail('CONFLICT', 'unit.moveFrom', {
      status: UNIT_STATUS_LABELS[current.status],
      action: UNIT_ACTION_LABELS[action],
      allowed: {
        'zh-CN': move.allowedFrom.map((s) => UNIT_STATUS_LABELS[s]['zh-CN']).join('、'),
        en: move.allowedFrom.map((s) => UNIT_STATUS_LABELS[s].en).join(', '),
      },
    })
  }
  const at = ctx.now.toISOString()
  const moved = tx
    .update(units)
    .set({ status: move.to, version: sql`${units.version} + 1`, updatedAt: at })
    .where(and(eq(units.id, unit.id), inArray(units.status, [current.status])))
    .returning()
    .get()
  if (!moved)
    fail('CONFLICT', 'unit.notAvailable', {
      unit: unitLabel(unit),
      status: UNIT_STATUS_LABELS[current.status],
    })
  tx.insert(unitEvents)
    .values({
      unitId: unit.id,
      at,
      action,
      fromStatus: current.status,
      toStatus: move.to,
      dealId: by.dealId ?? null,
      actorId: by.userId,
      reason: by.reason ?? null,
    })
    .run()
  return gridUnitOf(moved)
}

/** `units.setStatus`: 保留, 放出, 不可售 and back, by a manager or director with a reason. */
export function setUnitStatus({ ctx, input }: { ctx: UserServiceContext; input: UnitSetStatusInput }) {
  const unit = loadUnit(ctx, ctx.db, input.unitId)
  const me = ctx.actor.user
  const changed = ctx.db.transaction((tx) => {
    const moved = moveUnit(tx, ctx, unit, input.action, {
      role: me.role,
      userId: me.id,
      reason: input.reason,
    })
    audit(tx, ctx, 'units.setStatus', { projectId: unit.projectId, input })
    return moved
  })
  ctx.deps.units.publish(unit.projectId, [changed])
  return { status: changed.status }
}
