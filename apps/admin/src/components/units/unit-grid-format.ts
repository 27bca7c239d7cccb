import { UNIT_STATUSES, type UnitStatus } from '@anchang/shared'
import { yuanPerM2 } from '../deals/money-format'

/**
 * The unit grid (销控表, formats.md "Unit grid"): one grid per building, a block per 单元, floors as
 * rows from the top floor down, rooms as columns, the floor's average price last. Pure shaping of
 * what `units.grid` / `units.onChange` send, so the page only draws.
 */

/** What the grid needs of a unit (`units.grid` sends more). */
export interface GridCellUnit {
  unitId: string
  building: string
  entrance: string
  floor: number
  room: string
  layout: string
  areaM2: number
  listPriceFen: number
  status: UnitStatus
}

const collator = new Intl.Collator('zh-CN', { numeric: true })
/** `2栋` before `10栋`, `B1` before `B2`: names as people sort them. */
export const naturalCompare = (a: string, b: string): number => collator.compare(a, b)

/**
 * The column a room stands in: its number less the floor's (`1203` on floor 12 → `03`), so the rooms
 * one above the other line up; a room not named by its floor keeps its own name.
 */
export function roomColumn(room: string, floor: number): string {
  const prefix = String(floor)
  if (floor > 0 && room.startsWith(prefix) && room.length > prefix.length && /^\d+$/.test(room))
    return room.slice(prefix.length)
  return room
}

export interface GridFloor<U extends GridCellUnit> {
  floor: number
  /** One per column of the block, in column order; null where the floor has no such room. */
  cells: (U | null)[]
  /** The floor's average list price per m², whole yuan (null for a floor without area). */
  averageYuanPerM2: number | null
}

export interface GridBlock<U extends GridCellUnit> {
  entrance: string
  columns: string[]
  floors: GridFloor<U>[]
}

/** The buildings of a project in natural order. */
export function buildingsOf(units: readonly GridCellUnit[]): string[] {
  return [...new Set(units.map((u) => u.building))].sort(naturalCompare)
}

/** One building's blocks: entrances in natural order, floors top first, rooms by column. */
export function buildBlocks<U extends GridCellUnit>(units: readonly U[], building: string): GridBlock<U>[] {
  const byEntrance = new Map<string, U[]>()
  for (const u of units) {
    if (u.building !== building) continue
    byEntrance.set(u.entrance, [...(byEntrance.get(u.entrance) ?? []), u])
  }
  return [...byEntrance.keys()].sort(naturalCompare).map((entrance) => {
    const list = byEntrance.get(entrance)!
    const columns = [...new Set(list.map((u) => roomColumn(u.room, u.floor)))].sort(naturalCompare)
    const floors = [...new Set(list.map((u) => u.floor))].sort((a, b) => b - a)
    return {
      entrance,
      columns,
      floors: floors.map((floor) => {
        const onFloor = list.filter((u) => u.floor === floor)
        const area = onFloor.reduce((sum, u) => sum + Math.round(u.areaM2 * 100), 0)
        const price = onFloor.reduce((sum, u) => sum + u.listPriceFen, 0)
        return {
          floor,
          cells: columns.map((c) => onFloor.find((u) => roomColumn(u.room, u.floor) === c) ?? null),
          averageYuanPerM2: yuanPerM2(price, area / 100),
        }
      }),
    }
  })
}

/** How many units are in each status (the legend), every status listed. */
export function statusCounts(units: readonly GridCellUnit[]): Record<UnitStatus, number> {
  const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>
  for (const u of units) counts[u.status] += 1
  return counts
}

export interface GridFilter {
  layouts: readonly string[]
  statuses: readonly UnitStatus[]
  /** Total list price band in fen, either end open. */
  minFen: number | null
  maxFen: number | null
}

export const NO_FILTER: GridFilter = { layouts: [], statuses: [], minFen: null, maxFen: null }

/** Whether a unit is one the filter asks for (an empty choice asks for all). */
export function matchesFilter(u: GridCellUnit, filter: GridFilter): boolean {
  if (filter.layouts.length && !filter.layouts.includes(u.layout)) return false
  if (filter.statuses.length && !filter.statuses.includes(u.status)) return false
  if (filter.minFen !== null && u.listPriceFen < filter.minFen) return false
  if (filter.maxFen !== null && u.listPriceFen > filter.maxFen) return false
  return true
}

export const isFiltering = (filter: GridFilter): boolean =>
  filter.layouts.length > 0 || filter.statuses.length > 0 || filter.minFen !== null || filter.maxFen !== null

/**
 * The grid after a live change: each changed unit replaces the one of the same id, and a unit not
 * seen before (a new import) joins the grid.
 */
export function mergeUnits<U extends { unitId: string }>(units: readonly U[], changed: readonly U[]): U[] {
  const next = new Map(changed.map((u) => [u.unitId, u]))
  const merged = units.map((u) => {
    const c = next.get(u.unitId)
    if (c) next.delete(u.unitId)
    return c ?? u
  })
  return [...merged, ...next.values()]
}

/** Relative luminance of `#RRGGBB` (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/**
 * The text colour that reads on a cell's background, whatever colour the project chose: black or
 * white, whichever contrasts more.
 */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000'
  const l = luminance(background)
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff'
}
