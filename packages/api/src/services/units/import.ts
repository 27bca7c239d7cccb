import { eq } from 'drizzle-orm'
import { newId, unitEvents, units } from '@anchang/db'
import {
  centiM2,
  fail,
  repeatedUnits,
  unitPlaceKey,
  unitPlaceLabel,
  type UnitsImportInput,
} from '@anchang/shared'
import { audit } from '../audit'
import type { UserServiceContext } from '../context'
import type { GridUnit } from './feed'
import { gridUnitOf } from './grid'

/**
 * CONTRACT.md `units.import`: the parsed rows of a unit list, all or nothing. A row that repeats
 * another is refused naming both; a unit the project already has is a `CONFLICT` naming it. Every new
 * unit starts available (待售) with an `import` entry in its history, and every grid screen shows it.
 */
export function importUnits({ ctx, input }: { ctx: UserServiceContext; input: UnitsImportInput }) {
  const repeat = repeatedUnits(input.units)[0]
  if (repeat) fail('BAD_REQUEST', 'unit.repeated', repeat)
  const at = ctx.now.toISOString()
  const created: GridUnit[] = ctx.db.transaction((tx) => {
    const existing = new Set(
      tx
        .select({ building: units.building, entrance: units.entrance, room: units.room })
        .from(units)
        .where(eq(units.projectId, input.projectId))
        .all()
        .map(unitPlaceKey),
    )
    const taken = input.units.find((u) => existing.has(unitPlaceKey(u)))
    if (taken) fail('CONFLICT', 'unit.exists', { unit: unitPlaceLabel(taken) })
    const rows = input.units.map((u) => ({
      id: newId(ctx.now.getTime()),
      projectId: input.projectId,
      building: u.building,
      entrance: u.entrance,
      floor: u.floor,
      room: u.room,
      layout: u.layout,
      areaCentiM2: centiM2(u.areaM2),
      listPriceFen: u.listPriceFen,
      product: u.product,
      orientation: u.orientation ?? null,
      status: 'available' as const,
      version: 0,
      createdAt: at,
      updatedAt: at,
    }))
    // In slices: SQLite binds at most 32 766 values in one statement.
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500)
      tx.insert(units).values(slice).run()
      tx.insert(unitEvents)
        .values(
          slice.map((u) => ({
            unitId: u.id,
            at,
            action: 'import' as const,
            fromStatus: null,
            toStatus: 'available' as const,
            actorId: ctx.actor.user.id,
          })),
        )
        .run()
    }
    audit(tx, ctx, 'units.import', {
      projectId: input.projectId,
      input: { projectId: input.projectId, units: input.units.length },
    })
    return rows.map(gridUnitOf)
  })
  ctx.deps.units.publish(input.projectId, created)
  return { created: created.length }
}
