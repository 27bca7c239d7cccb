import { on } from 'node:events'
import { EventEmitter } from 'node:events'
import { desc, eq } from 'drizzle-orm'
import { deals, unitEvents, units, type Db, type DbOrTx } from '@anchang/db'
import { fail, unitPlaceLabel, type UnitsGridInput } from '@anchang/shared'
import { assertProjectAccess } from '../access'
import type { ServiceContext } from '../context'
import { configOf, namesOf } from '../customers/book'
import type { GridUnit } from './feed'

export type UnitRowDb = typeof units.$inferSelect

/** The grid's shape straight from SQLite: the office's whole inventory is read often and whole. */
const GRID_COLUMNS = `id as unitId, building, entrance, floor, room, layout, area_centi_m2 / 100.0 as areaM2,
  list_price_fen as listPriceFen, product, orientation, status, version`
const GRID_ORDER = 'order by building, entrance, floor desc, length(room), room'
const statements = new WeakMap<
  Db,
  { all: (p: string) => GridUnit[]; one: (p: string, b: string) => GridUnit[] }
>()

function gridStatements(db: Db) {
  let s = statements.get(db)
  if (!s) {
    const all = db.$client.prepare(`select ${GRID_COLUMNS} from units where project_id = ? ${GRID_ORDER}`)
    const one = db.$client.prepare(
      `select ${GRID_COLUMNS} from units where project_id = ? and building = ? ${GRID_ORDER}`,
    )
    s = {
      all: (projectId) => all.all(projectId) as GridUnit[],
      one: (projectId, building) => one.all(projectId, building) as GridUnit[],
    }
    statements.set(db, s)
  }
  return s
}

export const gridUnitOf = (u: UnitRowDb): GridUnit => ({
  unitId: u.id,
  building: u.building,
  entrance: u.entrance,
  floor: u.floor,
  room: u.room,
  layout: u.layout,
  areaM2: u.areaCentiM2 / 100,
  listPriceFen: u.listPriceFen,
  product: u.product,
  orientation: u.orientation,
  status: u.status,
  version: u.version,
})

/** `1栋-2单元-1201`: a unit as people name it in a sentence. */
export const unitLabel = unitPlaceLabel

/** A unit of a project the caller belongs to (anyone else is refused as for any project). */
export function loadUnit(ctx: ServiceContext, db: DbOrTx, unitId: string): UnitRowDb {
  const unit = db.select().from(units).where(eq(units.id, unitId)).get()
  if (!unit) fail('NOT_FOUND', 'unit.notFound')
  assertProjectAccess(ctx, unit.projectId)
  return unit
}

/** CONTRACT.md `units.grid`: every unit of the project (or one building) in display order. */
export function readGrid({ ctx, input }: { ctx: ServiceContext; input: UnitsGridInput }): GridUnit[] {
  const s = gridStatements(ctx.db)
  return input.building ? s.one(input.projectId, input.building) : s.all(input.projectId)
}

/** What the grid page draws around the cells: the project's colours and pre-sale permit. */
export function gridSettings({ ctx, input }: { ctx: ServiceContext; input: { projectId: string } }) {
  const { sales } = configOf(ctx, input.projectId).settings
  return { unitColours: sales.unitColours, presalePermit: sales.presalePermit }
}

/** One unit with its history (who moved it, when, why) and its live deal: the cell's panel. */
export function getUnit({ ctx, input }: { ctx: ServiceContext; input: { unitId: string } }) {
  const unit = loadUnit(ctx, ctx.db, input.unitId)
  const history = ctx.db
    .select()
    .from(unitEvents)
    .where(eq(unitEvents.unitId, unit.id))
    .orderBy(desc(unitEvents.id))
    .limit(100)
    .all()
  const live = ctx.db
    .select({ id: deals.id, status: deals.status, consultantId: deals.consultantId })
    .from(deals)
    .where(eq(deals.unitId, unit.id))
    .orderBy(desc(deals.subscribedAt))
    .all()
    .find((d) => d.status === 'subscribed' || d.status === 'signed')
  const names = namesOf(ctx.db, [...history.map((h) => h.actorId), live?.consultantId])
  return {
    ...gridUnitOf(unit),
    dealId: live?.id ?? null,
    consultantName: live ? (names.get(live.consultantId) ?? '') : null,
    history: history.map((h) => ({
      at: h.at,
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      dealId: h.dealId,
      actorName: h.actorId ? (names.get(h.actorId) ?? '') : '',
      reason: h.reason,
    })),
  }
}

/**
 * `units.onChange`: the whole grid first, then each unit whose status changed, as it commits. A
 * screen that reconnects starts again from the whole grid, so it can never miss a change.
 */
export async function* watchGrid({
  ctx,
  input,
  signal,
}: {
  ctx: ServiceContext
  input: UnitsGridInput
  signal?: AbortSignal | undefined
}) {
  const relay = new EventEmitter()
  const stop = ctx.deps.units.on(input.projectId, (changed) => relay.emit('units', changed))
  // Listening starts before the grid is read: a change committed while the first answer is on its way waits in line.
  const changes = on(relay, 'units', { signal })
  try {
    yield ctx.deps.units.opening(input.projectId, input.building, () => readGrid({ ctx, input }))
    for await (const [changed] of changes) {
      const mine = (changed as GridUnit[]).filter((u) => !input.building || u.building === input.building)
      if (mine.length) yield { kind: 'units' as const, units: mine }
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error
  } finally {
    stop()
  }
}
